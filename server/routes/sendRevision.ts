import type { Response } from 'express'
import type { NegotiationSummary } from '../../shared/api.ts'
import { numberDraft, type DraftJSON } from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import type { AppContext } from '../context.ts'
import { badRequest } from '../errors.ts'
import { renderDocumentDocx } from '../exports/documentDocx.ts'
import { renderDocumentHtml } from '../exports/documentHtml.ts'
import { revisionDocument } from '../exports/exportDocument.ts'
import { sendDocx, sendHtml } from './sendExport.ts'

/** Answers a revision as JSON (with numbering), printable HTML, or DOCX. */
export async function sendRevision(props: {
  context: AppContext
  negotiation: NegotiationSummary
  revision: { summary: RevisionSummary; contentJson: string }
  format: unknown
  response: Response
}): Promise<void> {
  const { negotiation, revision, response } = props
  const document = JSON.parse(revision.contentJson) as DraftJSON
  switch (props.format ?? 'json') {
    case 'json':
      response.json({
        ...revision.summary,
        document,
        numbering: Object.fromEntries(numberDraft(document)),
      })
      return
    case 'html':
      sendHtml(
        response,
        renderDocumentHtml(revisionDocument({ negotiation, revision: revision.summary, document })),
      )
      return
    case 'docx':
      sendDocx(
        response,
        await renderDocumentDocx(
          revisionDocument({ negotiation, revision: revision.summary, document }),
        ),
        `${negotiation.id}-${revision.summary.symbol}`,
      )
      return
    default:
      throw badRequest('format: one of json, html, docx')
  }
}
