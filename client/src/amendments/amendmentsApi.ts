import { z } from 'zod'
import { Me } from '../../../shared/accountsApi.ts'
import { ApiError, fetchJson } from '../api/fetchJson.ts'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const Change = z.object({
  kind: z.enum(['text', 'newBlock', 'blockDeletion']),
  author: z.string(),
  delegation: z.string(),
  inserted: z.string(),
  deleted: z.string(),
  rationale: z.string(),
  status: z.enum(['create', 'alreadyProposed', 'notPlaced']),
  reason: z.string().nullable(),
  placedBy: z.enum(['uid', 'text']).nullable(),
})

/** What the server says importing a Word file does (server/commands/importWordAmendments.ts). */
export const AmendmentReport = z.object({
  sha256: z.string(),
  authors: z.array(
    z.object({ author: z.string(), delegation: z.string().nullable(), reason: z.string() }),
  ),
  needsMapping: z.boolean(),
  counts: z.object({
    placedByUid: z.number(),
    placedByText: z.number(),
    notPlaced: z.number(),
    alreadyProposed: z.number(),
  }),
  paragraphs: z.array(
    z.object({
      index: z.number(),
      blockUid: z.string().nullable(),
      untrackedEdits: z.boolean(),
      changes: z.array(Change),
    }),
  ),
  created: z.array(z.object({ proposalId: z.string(), delegation: z.string() })),
})
export type AmendmentReport = z.infer<typeof AmendmentReport>

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

/** The Word document of the live draft with its open proposals as tracked changes. */
export const draftDocxUrl = (negotiationId: string, language: 'fr' | 'en'): string =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}/draft/docx?lang=${language}`

/** Sends a Word file to preview (nothing written) or apply its tracked changes. */
export async function sendAmendments(props: {
  negotiationId: string
  step: 'preview' | 'apply'
  file: File
  authors: Record<string, string>
  csrfToken: string | null
}): Promise<AmendmentReport> {
  const csrfToken = props.csrfToken ?? (await fetchJson('/api/me', Me)).csrfToken
  const query =
    Object.keys(props.authors).length > 0
      ? `?authors=${encodeURIComponent(JSON.stringify(props.authors))}`
      : ''
  const response = await fetch(
    `/api/negotiations/${encodeURIComponent(props.negotiationId)}/amendments/${props.step}${query}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': DOCX_TYPE,
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: props.file,
    },
  )
  const parsed: unknown = await response.json().catch(() => null)
  if (response.ok) return AmendmentReport.parse(parsed)
  const failure = ErrorBody.safeParse(parsed)
  throw failure.success
    ? new ApiError(response.status, failure.data.error.code, failure.data.error.message)
    : new ApiError(response.status, 'http_error', `HTTP ${response.status}`)
}
