import { parentPort, workerData } from 'node:worker_threads'
import type { DraftJSON } from '../../../shared/numbering.ts'
import { ImportError, type ImportIssue } from './ImportError.ts'
import { importRevisionFile } from './importRevisionFile.ts'

// The worker thread of one import: it reads the file it is given and answers once. Anything
// other than an ImportError is a bug; it is left to crash the worker, which the server reports.

/** What an import worker answers. */
export type ImportWorkerReply =
  | { status: 'imported'; draft: DraftJSON }
  | { status: 'refused'; message: string; issues: readonly ImportIssue[] }

async function replyTo(bytes: Uint8Array): Promise<ImportWorkerReply> {
  try {
    return { status: 'imported', draft: (await importRevisionFile(bytes)).draft }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return { status: 'refused', message: error.message, issues: error.issues }
  }
}

if (!parentPort || !(workerData instanceof Uint8Array)) {
  throw new Error('importWorker.ts runs as a worker thread given the bytes of a file')
}
parentPort.postMessage(await replyTo(workerData))
