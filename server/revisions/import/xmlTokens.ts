import { SaxesParser } from 'saxes'
import { fileError, ImportError } from './ImportError.ts'
import { MAX_XML_DEPTH } from './limits.ts'

// The parts of a .docx are read by saxes, a strict SAX parser: it checks well-formedness as the
// XML specification defines it, in one pass linear in the text, and expands only the five
// predefined entities and character references (an entity a DTD declares is an error, so no
// entity can expand a small part into a large one). Word writes no DTD; one is refused.

/** A part of a .docx as text, with its name in the archive (for errors). */
export interface XmlPart {
  name: string
  xml: string
}

/** One token of an XML document, in document order. */
export type XmlToken =
  | { kind: 'open'; name: string; attrs: ReadonlyMap<string, string>; isSelfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }

// The text is fed in chunks, and the tokens of each chunk handed on before the next, so that a
// large part is never held as one array of tokens.
const CHUNK_CHARS = 64 * 1024

const notWellFormed = ({ message }: Error) =>
  fileError(
    `The .docx file is damaged (its XML cannot be read: ${message.endsWith('.') ? message.slice(0, -1) : message})`,
  )

/**
 * The tokens of an XML part; none for a part the archive lacks. A self-closing element is one
 * `open` token (no `close`). Throws an ImportError on XML that is not well-formed, a DTD, or
 * elements nested deeper than MAX_XML_DEPTH.
 */
export function* xmlTokens(part: XmlPart | null): Generator<XmlToken> {
  if (!part) return
  const { name: partName, xml } = part
  const parser = new SaxesParser({ fileName: partName })
  const tokens: XmlToken[] = []
  let depth = 0
  parser.on('doctype', () => {
    throw fileError(
      `The .docx file is damaged (${partName} declares a DTD, which Word never writes)`,
    )
  })
  parser.on('opentag', ({ name, attributes, isSelfClosing }) => {
    if (!isSelfClosing && ++depth > MAX_XML_DEPTH) {
      throw fileError(`The .docx file nests elements deeper than ${MAX_XML_DEPTH} in ${partName}`)
    }
    tokens.push({ kind: 'open', name, attrs: new Map(Object.entries(attributes)), isSelfClosing })
  })
  parser.on('closetag', ({ name, isSelfClosing }) => {
    if (isSelfClosing) return
    depth -= 1
    tokens.push({ kind: 'close', name })
  })
  parser.on('text', (text) => tokens.push({ kind: 'text', text }))
  parser.on('cdata', (text) => tokens.push({ kind: 'text', text }))

  const feed = (chunk: string | null) => {
    try {
      if (chunk === null) parser.close()
      else parser.write(chunk)
    } catch (error) {
      // saxes throws an Error naming the part, line and column; our handlers an ImportError.
      if (error instanceof ImportError || !(error instanceof Error)) throw error
      throw notWellFormed(error)
    }
  }
  for (let at = 0; at < xml.length; at += CHUNK_CHARS) {
    feed(xml.slice(at, at + CHUNK_CHARS))
    yield* tokens.splice(0)
  }
  feed(null)
  yield* tokens.splice(0)
}
