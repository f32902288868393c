/** An error the HTTP API presents as `{ error: { code, message } }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const badRequest = (message: string, code = 'bad_request') =>
  new HttpError(400, code, message)
export const unauthorized = (message = 'Sign in first.') =>
  new HttpError(401, 'unauthorized', message)
export const forbidden = (message = 'You may not do this.') =>
  new HttpError(403, 'forbidden', message)
export const notFound = (message: string) => new HttpError(404, 'not_found', message)
export const conflict = (message: string, code = 'conflict') => new HttpError(409, code, message)
export const payloadTooLarge = (message: string) => new HttpError(413, 'payload_too_large', message)
export const unprocessable = (message: string, code: string) => new HttpError(422, code, message)
export const tooManyRequests = (message: string) => new HttpError(429, 'too_many_requests', message)
export const serviceUnavailable = (message: string, code: string) =>
  new HttpError(503, code, message)
