import type { Response } from 'express'
import { EXPORT_POLICY } from './securityHeaders.ts'

/** A printable HTML page, under a policy that lets it style itself and do nothing else. */
export function sendHtml(response: Response, html: string): void {
  response.set('Content-Security-Policy', EXPORT_POLICY).type('text/html; charset=utf-8').send(html)
}

/** A Word document as an attachment, with a file name safe in a header. */
export function sendDocx(response: Response, bytes: Buffer | Uint8Array, name: string): void {
  const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)
  response
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .attachment(`${safeName}.docx`)
    .send(Buffer.from(bytes))
}
