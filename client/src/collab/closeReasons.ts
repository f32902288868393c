import { CloseReason, type CloseReasonName } from '../../../shared/collabProtocol.ts'

const NAMES = Object.keys(CloseReason) as CloseReasonName[]

/** The name of a Draftroom close code, or null for codes the server does not send on purpose. */
export function closeReasonName(code: number): CloseReasonName | null {
  return NAMES.find((name) => CloseReason[name].code === code) ?? null
}

/** Whether the server asked the client not to reconnect (y-websocket's own rule). */
export const isTerminalCloseCode = (code: number): boolean => code >= 4400 && code < 4500
