import { z } from 'zod'
import { sendFile } from './fetchJson.ts'

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

/** The Word document of the live draft with its open proposals as tracked changes. */
export const draftDocxUrl = (negotiationId: string, language: 'fr' | 'en'): string =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}/draft/docx?lang=${language}`

/** Sends a Word file to preview (nothing written) or apply its tracked changes. */
export function sendAmendments(props: {
  negotiationId: string
  step: 'preview' | 'apply'
  file: File
  authors: Record<string, string>
}): Promise<AmendmentReport> {
  const query =
    Object.keys(props.authors).length > 0
      ? `?authors=${encodeURIComponent(JSON.stringify(props.authors))}`
      : ''
  return sendFile(
    `/api/negotiations/${encodeURIComponent(props.negotiationId)}/amendments/${props.step}${query}`,
    { content: props.file, type: DOCX_TYPE },
    AmendmentReport,
  )
}
