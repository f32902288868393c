import { describe, expect, it } from 'vitest'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import type { Round, RoundList } from '../../../shared/rounds.ts'
import { quickSidesOf } from '../../../client/src/compare/quickSides.ts'

const revision = (id: string, roundId: string | null): RevisionSummary => ({
  id,
  negotiationId: 'n',
  symbol: id,
  title: id,
  publishedAt: '2018-01-01T00:00:00Z',
  author: 'x',
  source: 'live',
  contentHash: 'h',
  roundId,
})

const round = (id: string): Round => ({
  id,
  negotiationId: 'n',
  kind: 'firstReading',
  name: `Round ${id}`,
  startsOn: '2018-02-20',
  endsOn: null,
  createdAt: '2018-01-01T00:00:00Z',
})

const roundsOf = (current: string | null, ...ids: string[]): RoundList => ({
  rounds: ids.map(round),
  currentRoundId: current,
})

describe('the comparison’s two quick choices', () => {
  it('starts the round from the last revision before its first one', () => {
    const revisions = [
      revision('zero', null),
      revision('r1', 'a'),
      revision('r2', 'b'),
      revision('r3', 'b'),
    ]
    expect(quickSidesOf(revisions, roundsOf('b', 'a', 'b'))).toEqual({
      sinceRoundStart: { roundName: 'Round b', sides: { from: 'r1', to: 'live' } },
      sinceLastRevision: { from: 'r3', to: 'live' },
    })
  })

  it('starts a round without revisions yet from the latest revision', () => {
    const revisions = [revision('zero', null), revision('r1', 'a')]
    expect(quickSidesOf(revisions, roundsOf('b', 'a', 'b')).sinceRoundStart?.sides).toEqual({
      from: 'r1',
      to: 'live',
    })
  })

  it('starts from the round’s own first revision when nothing came before it', () => {
    expect(
      quickSidesOf([revision('r1', 'a'), revision('r2', 'a')], roundsOf('a', 'a')).sinceRoundStart
        ?.sides.from,
    ).toBe('r1')
  })

  it('offers no round choice without a current round, and nothing without revisions', () => {
    expect(quickSidesOf([revision('zero', null)], roundsOf(null, 'a')).sinceRoundStart).toBeNull()
    expect(quickSidesOf([], roundsOf('a', 'a'))).toEqual({
      sinceRoundStart: null,
      sinceLastRevision: null,
    })
  })
})
