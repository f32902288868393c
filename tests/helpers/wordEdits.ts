import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

/**
 * Edits a Draftroom .docx as Word does with track changes on: tracked insertions and deletions
 * in a paragraph found by its uid bookmark, a whole new paragraph after one, comments. The XML
 * is written as Word writes it (w:ins / w:del around runs, w:delText, a paragraph mark inserted
 * in w:pPr/w:rPr), so that the import is tested on what a delegate's file holds.
 */
export class WordEdits {
  private readonly files: Record<string, Uint8Array>
  xml: string
  private comments: string[] = []
  private nextId = 9000

  constructor(docx: Uint8Array) {
    this.files = unzipSync(docx)
    this.xml = strFromU8(this.files['word/document.xml']!)
  }

  private revision(tag: 'ins' | 'del', author: string) {
    return `<w:${tag} w:id="${this.nextId++}" w:author="${author}" w:date="2026-12-01T09:30:00Z">`
  }

  /** The paragraph (`<w:p>…</w:p>`) holding the bookmark of `uid`, with its bounds. */
  paragraphOf(uid: string): { start: number; end: number; xml: string } {
    const mark = this.xml.indexOf(`w:name="dr_${uid.replaceAll('-', '_')}"`)
    if (mark < 0) throw new Error(`no bookmark for ${uid}`)
    const start = this.xml.lastIndexOf('<w:p>', mark)
    const end = this.xml.indexOf('</w:p>', mark) + '</w:p>'.length
    return { start, end, xml: this.xml.slice(start, end) }
  }

  /** Splits the plain run holding `anchor` at its end (or start) and puts `tracked` there. */
  private around(
    uid: string,
    anchor: string,
    tracked: (rest: string) => string,
    where: 'after' | 'over',
  ) {
    const paragraph = this.paragraphOf(uid)
    const runs = [...paragraph.xml.matchAll(/<w:r><w:t xml:space="preserve">(.*?)<\/w:t><\/w:r>/gs)]
    const run = runs.find((r) => r[1]!.includes(anchor))
    if (!run) throw new Error(`no plain run with "${anchor}" in ${uid}`)
    const text = run[1]!
    const at = text.indexOf(anchor)
    const plain = (t: string) => (t ? `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>` : '')
    const replaced =
      where === 'after'
        ? plain(text.slice(0, at + anchor.length)) + tracked(text.slice(at + anchor.length))
        : plain(text.slice(0, at)) + tracked(anchor) + plain(text.slice(at + anchor.length))
    const xml = paragraph.xml.replace(run[0], replaced)
    this.xml = this.xml.slice(0, paragraph.start) + xml + this.xml.slice(paragraph.end)
  }

  /** A tracked insertion of `text` after `anchor`, with a comment on it if given. */
  insert(uid: string, anchor: string, text: string, author: string, comment?: string): this {
    const id = comment ? this.comment(author, comment) : null
    this.around(
      uid,
      anchor,
      (rest) =>
        (id === null ? '' : `<w:commentRangeStart w:id="${id}"/>`) +
        `${this.revision('ins', author)}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>` +
        (id === null
          ? ''
          : `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`) +
        (rest ? `<w:r><w:t xml:space="preserve">${rest}</w:t></w:r>` : ''),
      'after',
    )
    return this
  }

  /** A tracked deletion of `words`. */
  delete(uid: string, words: string, author: string): this {
    this.around(
      uid,
      words,
      (deleted) =>
        `${this.revision('del', author)}<w:r><w:delText xml:space="preserve">${deleted}</w:delText></w:r></w:del>`,
      'over',
    )
    return this
  }

  /** Text changed without track changes (what an import must never apply). */
  rewrite(uid: string, from: string, to: string): this {
    const paragraph = this.paragraphOf(uid)
    const xml = paragraph.xml.replace(from, to)
    this.xml = this.xml.slice(0, paragraph.start) + xml + this.xml.slice(paragraph.end)
    return this
  }

  /** A whole new paragraph after the one of `uid`, in its style, typed with track changes. */
  newParagraphAfter(uid: string, text: string, author: string): this {
    const paragraph = this.paragraphOf(uid)
    const properties = /<w:pPr>(.*?)<\/w:pPr>/s.exec(paragraph.xml)?.[1] ?? ''
    const mark = `<w:rPr>${this.revision('ins', author).replace('>', '/>')}</w:rPr>`
    const added =
      `<w:p><w:pPr>${properties}${mark}</w:pPr>` +
      `${this.revision('ins', author)}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins></w:p>`
    this.xml = this.xml.slice(0, paragraph.end) + added + this.xml.slice(paragraph.end)
    return this
  }

  private comment(author: string, text: string): number {
    const id = 500 + this.comments.length
    this.comments.push(
      `<w:comment w:id="${id}" w:author="${author}" w:date="2026-12-01T09:30:00Z" w:initials="X"><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:comment>`,
    )
    return id
  }

  /** The edited file's bytes. */
  toDocx(): Uint8Array {
    const files: Record<string, Uint8Array> = {
      ...this.files,
      'word/document.xml': strToU8(this.xml),
    }
    if (this.comments.length > 0) {
      const existing = strFromU8(files['word/comments.xml']!)
      files['word/comments.xml'] = strToU8(
        existing.replace('</w:comments>', `${this.comments.join('')}</w:comments>`),
      )
    }
    return zipSync(files)
  }
}
