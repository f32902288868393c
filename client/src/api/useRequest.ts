import { useEffect, useRef, useState } from 'react'

export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string; error: unknown }

/**
 * Runs `request` whenever `key` (what is asked; null: nothing yet) or `reload` (a count of
 * reloads, or what changed that calls for asking again) changes, and
 * keeps only the answer to the latest request: a late answer to an older one is dropped.
 * Asking the same key again keeps the value on screen until the new one comes.
 */
export function useRequest<T>(
  key: string | null,
  request: () => Promise<T>,
  reload: number | string = 0,
): RequestState<T> {
  const [state, setState] = useState<{ key: string | null; state: RequestState<T> }>({
    key: null,
    state: { status: 'idle' },
  })
  // The latest closure, without making every render a new request.
  const requestRef = useRef(request)
  useEffect(() => {
    requestRef.current = request
  })
  useEffect(() => {
    if (key === null) return
    let isCurrent = true
    setState((previous) =>
      previous.key === key && previous.state.status === 'ready'
        ? previous
        : { key, state: { status: 'loading' } },
    )
    requestRef
      .current()
      .then((value) => {
        if (isCurrent) setState({ key, state: { status: 'ready', value } })
      })
      .catch((error: unknown) => {
        if (!isCurrent) return
        const message = error instanceof Error ? error.message : String(error)
        setState({ key, state: { status: 'error', message, error } })
      })
    return () => {
      isCurrent = false
    }
  }, [key, reload])

  return state.state
}
