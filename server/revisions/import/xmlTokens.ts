import { fileError } from './ImportError.ts'

// Just enough XML for the parts of a .docx: elements, attributes, text and the five named and
// numeric entities. Word writes no DTD, so no other entity can occur.

/** One token of an XML document, in document order. */
export type XmlToken =
  | { kind: 'open'; name: string; attrs: ReadonlyMap<string, string>; isSelfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

function entity(whole: string, name: string): string {
  const named = NAMED_ENTITIES[name]
  if (named !== undefined) return named
  const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
}

/** Replaces &amp; &lt; &gt; &quot; &apos; and &#NN; / &#xHH; by their characters. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, entity)

// One token at a time, anchored (y) so that a stray "<" is an error rather than skipped text.
// Quoted attribute values may hold ">", so a tag is matched attribute by attribute.
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const match of source.matchAll(ATTRIBUTE)) {
    attrs.set(match[1] ?? '', decodeEntities(match[2] ?? match[3] ?? ''))
  }
  return attrs
}

/** The tokens of an XML document; throws an ImportError on markup it cannot read. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  const token = new RegExp(TOKEN)
  while (token.lastIndex < xml.length) {
    const match = token.exec(xml)
    if (!match) throw fileError('The .docx file is damaged (its XML cannot be read)')
    const [whole, cdata, slash, name, attrSource, selfClosing, text] = match
    if (text !== undefined) yield { kind: 'text', text: decodeEntities(text) }
    else if (cdata !== undefined) yield { kind: 'text', text: cdata }
    else if (name === undefined || whole.startsWith('<!') || whole.startsWith('<?')) continue
    else if (slash) yield { kind: 'close', name }
    else {
      const attrs = attributes(attrSource ?? '')
      yield { kind: 'open', name, attrs, isSelfClosing: selfClosing === '/' }
    }
  }
}
