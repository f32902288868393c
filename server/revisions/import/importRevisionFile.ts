import { fileError } from './ImportError.ts'
import { importRevisionDocx } from './parseRevisionDocx.ts'
import { importRevisionText, type RevisionImport } from './parseRevisionText.ts'

// A zip archive (.docx) opens with "PK\3\4"; an OLE compound file with these eight bytes: a .doc,
// or a .docx saved with a password, which Word wraps, encrypted, in one.
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, i) => bytes[i] === byte)

/**
 * Reads an uploaded revision file, told by its first bytes: a .docx, or else UTF-8 plain text.
 * Throws an ImportError when it is neither, or cannot be read as a revision.
 */
export async function importRevisionFile(bytes: Uint8Array): Promise<RevisionImport> {
  if (startsWith(bytes, ZIP_MAGIC)) return importRevisionDocx(bytes)
  if (startsWith(bytes, OLE_MAGIC)) {
    throw fileError(
      'The file is a .doc or a .docx protected by a password; save it as .docx without a password',
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw fileError('The file is neither a .docx nor UTF-8 text.')
  }
  return importRevisionText(text)
}
