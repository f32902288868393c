/** One reading of the server's clock: when it was asked and answered (device clock), and its `Date`. */
export interface ServerDateReading {
  sentAt: number
  receivedAt: number
  /** The answer's `Date` header, in ms: whole seconds. */
  serverDate: number
}

/**
 * Reads the server's `Date` header on a GET of `url` (a cheap answer the room asks for anyway);
 * null when the server gives no usable header or cannot be reached.
 *
 * The one call that does not go through fetchJson: what is read is a header, not the body, and
 * the body is dropped unread; `no-store` so that no cached answer's date is taken for now.
 */
export async function readServerDate(url: string): Promise<ServerDateReading | null> {
  try {
    const sentAt = Date.now()
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' })
    const receivedAt = Date.now()
    await response.body?.cancel()
    const serverDate = Date.parse(response.headers.get('date') ?? '')
    return Number.isNaN(serverDate) ? null : { sentAt, receivedAt, serverDate }
  } catch {
    // Offline: the device's clock (or the earlier readings) is the best there is.
    return null
  }
}
