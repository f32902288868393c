import type { z } from 'zod'
import { ErrorBody } from '../../../shared/api.ts'

/** An HTTP error from the API, with the stable code the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** GETs a JSON resource and parses it with the shared schema of its shape. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = ErrorBody.safeParse(body)
    if (error.success) {
      throw new ApiError(response.status, error.data.error.code, error.data.error.message)
    }
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`)
  }
  return schema.parse(body)
}
