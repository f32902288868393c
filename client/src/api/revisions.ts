import { z } from 'zod'
import { Comparison } from '../../../shared/compare/comparisonSchema.ts'
import { Concordance } from '../../../shared/concordance.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'
import { RevisionList, RevisionSummary } from '../../../shared/revisions.ts'
import { ApiError, fetchJson, sendFile, sendJson } from './fetchJson.ts'

/** The side of a comparison that is not a revision but the draft as it is now. */
export const LIVE = 'live'

/** `GET .../compare` in JSON: the comparison, the two sides asked for and their labels. */
export const ComparisonResponse = Comparison.extend({
  from: z.string(),
  to: z.string(),
  labels: z.object({ from: z.string(), to: z.string() }),
})
export type ComparisonResponse = z.infer<typeof ComparisonResponse>

/** Why an import failed, line by line (`line` 0: the whole file). */
export const ImportProblem = z.object({ line: z.number().int(), message: z.string() })
export type ImportProblem = z.infer<typeof ImportProblem>

const ImportFailureBody = z.object({
  error: z.object({ problems: z.array(ImportProblem).optional() }),
})

/** An import the server refused, with the lines of the file it could not place. */
export class ImportFailure extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: readonly ImportProblem[],
  ) {
    super(status, code, message)
    this.name = 'ImportFailure'
  }
}

const negotiationApi = (negotiationId: string): string =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}`

/** The revisions of a negotiation, oldest first. */
export async function fetchRevisions(negotiationId: string): Promise<RevisionSummary[]> {
  const { revisions } = await fetchJson(`${negotiationApi(negotiationId)}/revisions`, RevisionList)
  return [...revisions].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
}

/** Publishes the live draft as a revision (co-facilitators). */
export const publishRevision = (
  negotiationId: string,
  request: { symbol: string; title: string },
): Promise<RevisionSummary> =>
  sendJson('POST', `${negotiationApi(negotiationId)}/revisions`, request, RevisionSummary)

/** A revision with its text (ProseMirror JSON, as frozen when published). */
export const RevisionWithDocument = RevisionSummary.extend({
  document: z.custom<DraftJSON>(
    (value) => typeof value === 'object' && value !== null && 'type' in value,
  ),
})
export type RevisionWithDocument = z.infer<typeof RevisionWithDocument>

/** One revision and its text. */
export const fetchRevisionDocument = (
  negotiationId: string,
  revisionId: string,
): Promise<RevisionWithDocument> =>
  fetchJson(
    `${negotiationApi(negotiationId)}/revisions/${encodeURIComponent(revisionId)}`,
    RevisionWithDocument,
  )

/** The printable HTML or the Word document of a revision. */
export const revisionExportUrl = (
  negotiationId: string,
  revisionId: string,
  format: 'html' | 'docx',
): string =>
  `${negotiationApi(negotiationId)}/revisions/${encodeURIComponent(revisionId)}?format=${format}`

const compareQuery = (from: string, to: string, format: 'json' | 'html' | 'docx'): string =>
  new URLSearchParams({ from, to, format }).toString()

/** The comparison of two revisions (or a revision and the live draft). */
export const fetchComparison = (
  negotiationId: string,
  from: string,
  to: string,
): Promise<ComparisonResponse> =>
  fetchJson(
    `${negotiationApi(negotiationId)}/compare?${compareQuery(from, to, 'json')}`,
    ComparisonResponse,
  )

/** The printable HTML or the Word document of a comparison. */
export const comparisonExportUrl = (
  negotiationId: string,
  from: string,
  to: string,
  format: 'html' | 'docx',
): string => `${negotiationApi(negotiationId)}/compare?${compareQuery(from, to, format)}`

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Imports a .docx or plain-text file as a revision (co-facilitators). */
export async function importRevision(
  negotiationId: string,
  file: File,
  request: { symbol: string; title: string },
): Promise<RevisionSummary> {
  const query = new URLSearchParams({ symbol: request.symbol, title: request.title })
  const isDocx = file.name.toLowerCase().endsWith('.docx')
  try {
    return await sendFile(
      `${negotiationApi(negotiationId)}/revisions/import?${query}`,
      { content: file, type: isDocx ? DOCX_TYPE : 'text/plain; charset=utf-8' },
      RevisionSummary,
    )
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    const failure = ImportFailureBody.safeParse(error.body)
    const problems = failure.success ? (failure.data.error.problems ?? []) : []
    throw new ImportFailure(error.status, error.code, error.message, problems)
  }
}

/** The concordance of two texts: each paragraph's numbers in both and what became of it. */
export const fetchConcordance = (
  negotiationId: string,
  from: string,
  to: string,
): Promise<Concordance> =>
  fetchJson(
    `${negotiationApi(negotiationId)}/concordance?${compareQuery(from, to, 'json')}`,
    Concordance,
  )

/** The printable HTML or the Word table of a concordance. */
export const concordanceExportUrl = (
  negotiationId: string,
  from: string,
  to: string,
  format: 'html' | 'docx',
): string => `${negotiationApi(negotiationId)}/concordance?${compareQuery(from, to, format)}`
