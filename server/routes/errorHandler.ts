import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { ErrorBody } from '../../shared/api.ts'
import type { Logger } from '../logger.ts'
import { HttpError } from '../errors.ts'

/** Unknown API paths answer 404 in the API's error shape. */
export const apiNotFound: RequestHandler = (request, response) => {
  const body: ErrorBody = {
    error: { code: 'not_found', message: `No route ${request.method} ${request.originalUrl}.` },
  }
  response.status(404).json(body)
}

/** Every error becomes `{ error: { code, message } }` with its status; 500s are logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const httpError = toHttpError(error)
    if (httpError.status >= 500) logger.error({ err: error, url: request.originalUrl }, 'failed')
    const body: ErrorBody = { error: { code: httpError.code, message: httpError.message } }
    response.status(httpError.status).json(body)
  }
}

// body-parser reports its own failures (bad JSON, too large) as errors with a status and type.
function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error
  if (typeof error === 'object' && error !== null && 'type' in error && 'status' in error) {
    const { type, status } = error
    if (type === 'entity.too.large') return new HttpError(413, 'payload_too_large', 'Too large.')
    if (type === 'entity.parse.failed') return new HttpError(400, 'bad_json', 'Malformed JSON.')
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new HttpError(status, 'bad_request', 'Bad request.')
    }
  }
  return new HttpError(500, 'internal', 'Something went wrong on the server.')
}
