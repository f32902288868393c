import { promisify } from 'node:util'
import { crc32, inflateRaw } from 'node:zlib'
import { fileError } from './ImportError.ts'
import { MAX_DOCX_PART_BYTES } from './limits.ts'
import type { XmlPart } from './xmlTokens.ts'

// A .docx is a zip archive. Reading one takes the central directory at its end and inflates the
// few parts we need with Node's zlib, whose maxOutputLength stops a zip bomb while inflating
// instead of trusting the sizes the archive declares.

const inflate = promisify(inflateRaw)

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8
const MAX_COMMENT = 0xffff

interface ZipEntry {
  method: number
  isEncrypted: boolean
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

const notZip = () =>
  fileError('The file is not a .docx document (it is not a zip archive; save .doc files as .docx)')
const corrupt = (detail: string) => fileError(`The .docx file is damaged (${detail})`)

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at
  }
  throw notZip()
}

function readDirectory(view: DataView): Map<string, ZipEntry> {
  const end = findEndOfDirectory(view)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const names = new TextDecoder()
  const entries = new Map<string, ZipEntry>()
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== DIRECTORY_ENTRY) throw corrupt('bad central directory')
    const nameLength = view.getUint16(at + 28, true)
    const name = names.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength))
    entries.set(name, {
      isEncrypted: (view.getUint16(at + 8, true) & 1) === 1,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number) {
  if (entry.isEncrypted) throw fileError('The .docx file is encrypted; save it without a password')
  if (entry.size > maxBytes) throw fileError('The .docx file holds a part too large to import')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (view.getUint32(at, true) !== LOCAL_HEADER) throw corrupt('bad local header')
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  if (start + entry.compressedSize > bytes.byteLength) throw corrupt('truncated')
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (entry.method === STORED) return data
  if (entry.method !== DEFLATED) throw corrupt(`unknown compression ${entry.method}`)
  try {
    return await inflate(data, { maxOutputLength: maxBytes })
  } catch (error) {
    throw error instanceof RangeError
      ? fileError('The .docx file holds a part too large to import')
      : corrupt('a part cannot be inflated')
  }
}

/** A zip archive opened for reading its parts as text. */
export interface ZipArchive {
  /** The part as UTF-8 text, or null if the archive has none by that name. */
  readPart(name: string): Promise<XmlPart | null>
}

/** Opens a zip archive; throws an ImportError if the bytes are not one or are damaged. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let entries: Map<string, ZipEntry>
  try {
    entries = readDirectory(view)
  } catch (error) {
    // DataView throws a RangeError when an offset points past the end of a damaged archive.
    throw error instanceof RangeError ? corrupt('truncated') : error
  }
  return {
    async readPart(name) {
      const entry = entries.get(name)
      if (!entry) return null
      let data: Uint8Array
      try {
        data = await inflateEntry(bytes, entry, MAX_DOCX_PART_BYTES)
      } catch (error) {
        throw error instanceof RangeError ? corrupt('truncated') : error
      }
      if (crc32(data) >>> 0 !== entry.crc) throw corrupt(`${name} fails its checksum`)
      return { name, xml: new TextDecoder().decode(data).replace(/^\uFEFF/, '') }
    },
  }
}
