import { parentPort, workerData } from 'node:worker_threads'
import type { DraftJSON } from '../../../shared/numbering.ts'
import { readWordAmendments } from '../../amendments/readWordAmendments.ts'
import type { WordAmendments } from '../../amendments/wordAmendments.ts'
import { ImportError, type ImportIssue } from './ImportError.ts'
import { importRevisionFile } from './importRevisionFile.ts'

// The worker thread of one import: it reads the file it is given and answers once. Anything
// other than an ImportError is a bug; it is left to crash the worker, which the server reports.

/** What an import worker answers. */
export type ImportWorkerReply =
  | { status: 'imported'; draft: DraftJSON }
  | { status: 'amendments'; amendments: WordAmendments }
  | { status: 'refused'; message: string; issues: readonly ImportIssue[] }

/** What a worker is asked to read: a revision file, or a delegation's tracked changes. */
export type ImportJob = { kind: 'revision' | 'amendments'; bytes: Uint8Array }

async function replyTo({ kind, bytes }: ImportJob): Promise<ImportWorkerReply> {
  try {
    if (kind === 'amendments') {
      return { status: 'amendments', amendments: await readWordAmendments(bytes) }
    }
    return { status: 'imported', draft: (await importRevisionFile(bytes)).draft }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return { status: 'refused', message: error.message, issues: error.issues }
  }
}

const job = workerData as ImportJob | null
if (!parentPort || !job || !(job.bytes instanceof Uint8Array)) {
  throw new Error('importWorker.ts runs as a worker thread given the bytes of a file')
}
parentPort.postMessage(await replyTo(job))
