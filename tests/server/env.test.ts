import { describe, expect, it } from 'vitest'
import { parseEnv } from '../../server/env.ts'

describe('the configuration', () => {
  it('has no other allowed origin by default', () => {
    expect(parseEnv({}).ALLOWED_ORIGINS).toEqual([])
  })

  it('reads ALLOWED_ORIGINS as a comma-separated list of origins, as browsers write them', () => {
    const env = parseEnv({
      ALLOWED_ORIGINS: ' https://Draftroom.example.org/ , http://localhost:5173,,https://x.org:443',
    })
    expect(env.ALLOWED_ORIGINS).toEqual([
      'https://draftroom.example.org',
      'http://localhost:5173',
      'https://x.org',
    ])
  })

  it('refuses an ALLOWED_ORIGINS item that is not an origin, naming the variable', () => {
    for (const value of ['draftroom.example.org', 'https://x.org/app', 'ftp://x.org', '*']) {
      expect(() => parseEnv({ ALLOWED_ORIGINS: value })).toThrow(/ALLOWED_ORIGINS/)
    }
  })

  it('keeps everything in SQLite unless DATABASE_URL is set', () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined()
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
    const url = 'postgres://draftroom:secret@db.example.org:5432/draftroom'
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url)
    expect(parseEnv({ DATABASE_URL: 'postgresql:///draftroom' }).DATABASE_URL).toBe(
      'postgresql:///draftroom',
    )
  })

  it('refuses a DATABASE_URL that is not PostgreSQL, without repeating its password', () => {
    for (const value of [
      'mysql://user:secret@host/draftroom',
      'postgres://user:secret@host',
      'user:secret@host/draftroom',
    ]) {
      expect(() => parseEnv({ DATABASE_URL: value })).toThrow(/DATABASE_URL/)
      expect(() => parseEnv({ DATABASE_URL: value })).not.toThrow(/secret/)
    }
  })

  it('runs several processes only with REDIS_URL and DATABASE_URL both set', () => {
    const database = 'postgres://db.example.org/draftroom'
    expect(parseEnv({ DATABASE_URL: database }).REDIS_URL).toBeUndefined()
    const env = parseEnv({ DATABASE_URL: database, REDIS_URL: 'redis://cache:6379' })
    expect(env.REDIS_URL).toBe('redis://cache:6379')
    expect(() => parseEnv({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL.*DATABASE_URL/)
    for (const value of ['http://cache:6379', 'redis-cache', 'memcached://u:secret@x']) {
      expect(() => parseEnv({ DATABASE_URL: database, REDIS_URL: value })).toThrow(/REDIS_URL/)
      expect(() => parseEnv({ DATABASE_URL: database, REDIS_URL: value })).not.toThrow(/secret/)
    }
    expect(() =>
      parseEnv({ DATABASE_URL: database, REDIS_URL: 'redis://c', REDIS_PREFIX: 'a b' }),
    ).toThrow(/REDIS_PREFIX/)
  })
})
