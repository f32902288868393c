import { describe, expect, it } from 'vitest'
import {
  INITIAL_CONNECTION_STATUS,
  nextConnectionStatus,
  type ConnectionEvent,
  type ConnectionStatus,
} from '../../../client/src/collab/connectionStatus.ts'
import { closeReasonName, isTerminalCloseCode } from '../../../client/src/collab/closeReasons.ts'
import { parseNotice } from '../../../client/src/collab/notice.ts'
import { CloseReason } from '../../../shared/collabProtocol.ts'

const through = (events: ConnectionEvent[]): ConnectionStatus =>
  events.reduce(nextConnectionStatus, INITIAL_CONNECTION_STATUS)

describe('the connection state', () => {
  it('goes connecting, connected, then offline through the retries until connected again', () => {
    expect(through([{ type: 'connecting' }]).connection).toBe('connecting')
    expect(through([{ type: 'connecting' }, { type: 'connected' }]).connection).toBe('connected')
    const retrying = through([
      { type: 'connected' },
      { type: 'closed', closedBy: null },
      { type: 'connecting' },
      { type: 'closed', closedBy: null },
      { type: 'connecting' },
    ])
    expect(retrying.connection).toBe('offline')
    expect(nextConnectionStatus(retrying, { type: 'connected' }).connection).toBe('connected')
  })

  it('keeps why the server closed until the next connection', () => {
    const { forbidden } = CloseReason
    const closedBy = { ...forbidden, isTerminal: true }
    const closed = through([{ type: 'connected' }, { type: 'closed', closedBy }])
    expect(closed.closedBy).toEqual(closedBy)
    expect(nextConnectionStatus(closed, { type: 'closed', closedBy: null }).closedBy).toEqual(
      closedBy,
    )
    expect(nextConnectionStatus(closed, { type: 'connected' }).closedBy).toBeNull()
  })

  it('goes offline at once when the browser does', () => {
    expect(through([{ type: 'connected' }, { type: 'wentOffline' }]).connection).toBe('offline')
  })
})

describe('close codes', () => {
  it('names Draftroom’s own codes and only those', () => {
    expect(closeReasonName(4401)).toBe('unauthenticated')
    expect(closeReasonName(1009)).toBe('tooBig')
    expect(closeReasonName(1006)).toBeNull()
  })

  it('treats 4400-4499 as final, as y-websocket does', () => {
    expect(isTerminalCloseCode(CloseReason.invalidUpdate.code)).toBe(true)
    expect(isTerminalCloseCode(CloseReason.goingAway.code)).toBe(false)
  })
})

describe('parseNotice', () => {
  it('reads the JSON notice and survives anything else', () => {
    expect(parseNotice('{"code":"frozen","message":"Le texte est gelé."}')).toEqual({
      code: 'frozen',
      message: 'Le texte est gelé.',
    })
    expect(parseNotice('not json')).toEqual({ code: 'unreadable', message: 'not json' })
    expect(parseNotice('{"code":1}').code).toBe('unreadable')
  })
})
