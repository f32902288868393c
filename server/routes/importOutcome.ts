import type { Response } from 'express'
import { serviceUnavailable, unprocessable } from '../errors.ts'
import type { ImportOutcome } from '../revisions/import/ImportWorkers.ts'

// Seconds a client turned away (503) is asked to wait: about one import.
const BUSY_RETRY_AFTER_SECONDS = 5

/**
 * Answers an import whose file was not read: refused by the reader (400, with its problems),
 * stopped at the time or memory limit (422), or turned away while others run (503).
 */
export function refuseUnread(outcome: ImportOutcome, response: Response): void {
  switch (outcome.status) {
    case 'refused':
      response.status(400).json({
        error: { code: 'import_failed', message: outcome.message, problems: outcome.issues },
      })
      return
    case 'timedOut':
      throw unprocessable(
        `Reading the file took more than ${outcome.limitMs / 1000} s and was stopped: it cannot be imported.`,
        'import_timeout',
      )
    case 'outOfMemory':
      throw unprocessable(
        'Reading the file needed more memory than an import may use: it cannot be imported.',
        'import_too_complex',
      )
    case 'busy':
      response.set('retry-after', String(BUSY_RETRY_AFTER_SECONDS))
      throw serviceUnavailable(
        'Other files are being imported; try again in a few seconds.',
        'imports_busy',
      )
    case 'imported':
    case 'amendments':
      throw new Error(`The import worker read the wrong kind of file (${outcome.status})`)
  }
}
