const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const UID_LENGTH = 12

/**
 * A new block uid: 12 random base-36 characters (62 bits), short enough to read in exports
 * and comparisons, unique enough that two delegations splitting paragraphs never collide.
 */
export function newUid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(UID_LENGTH))
  let uid = ''
  for (const byte of bytes) uid += ALPHABET[byte % ALPHABET.length]
  return uid
}

export const isUid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-z][0-9a-z-]{2,63}$/.test(value)
