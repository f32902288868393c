import type { Response } from 'express'

/** A printable HTML page. */
export function sendHtml(response: Response, html: string): void {
  response.type('text/html; charset=utf-8').send(html)
}

/** A Word document as an attachment, with a file name safe in a header. */
export function sendDocx(response: Response, bytes: Buffer | Uint8Array, name: string): void {
  const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)
  response
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .attachment(`${safeName}.docx`)
    .send(Buffer.from(bytes))
}
