import path from 'node:path'
import { z } from 'zod'
import { normalizeOrigin } from './auth/isAllowedOrigin.ts'

/** Defaults of every setting, in one place (README lists them). */
export const DEFAULTS = {
  PORT: 3000,
  HOST: '0.0.0.0',
  DATA_DIR: './data',
  LOG_LEVEL: 'info',
  DEMO: true,
  ROOM_IDLE_MS: 2_000,
  ALLOWED_ORIGINS: [] as readonly string[],
  // The largest files accepted are read in 1 to 3 s (half a second of it starting the worker);
  // ten leave room for a slow machine, and stop a file built to be slow before clients give up.
  IMPORT_TIMEOUT_MS: 10_000,
} as const

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** Comma-separated origins (`https://host[:port]`), each normalised as browsers send it. */
const originList = z.string().transform((value, context) => {
  const origins: string[] = []
  for (const item of value.split(',').map((part) => part.trim())) {
    if (item === '') continue
    const origin = normalizeOrigin(item)
    if (origin === null) {
      context.addIssue({ code: 'custom', message: `"${item}" is not an origin like https://host` })
      return z.NEVER
    }
    origins.push(origin)
  }
  return origins
})

/**
 * A service's URL from the environment, checked for its scheme (and, for a database, a path
 * naming it); empty means unset. The message never repeats the value, which may hold a password.
 */
function serviceUrl(props: { protocols: readonly string[]; example: string; needsPath?: string }) {
  return z
    .string()
    .transform((value, context) => {
      if (value.trim() === '') return undefined
      let url: URL
      try {
        url = new URL(value)
      } catch {
        context.addIssue({ code: 'custom', message: `is not a URL like ${props.example}` })
        return z.NEVER
      }
      if (!props.protocols.includes(url.protocol)) {
        const schemes = props.protocols.map((p) => `${p}//`).join(' or ')
        context.addIssue({ code: 'custom', message: `must start with ${schemes}` })
        return z.NEVER
      }
      if (props.needsPath && url.pathname.length <= 1) {
        context.addIssue({ code: 'custom', message: props.needsPath })
        return z.NEVER
      }
      return value
    })
    .optional()
}

/** A PostgreSQL connection URL (`postgres://user:password@host:port/database`). */
const databaseUrl = serviceUrl({
  protocols: ['postgres:', 'postgresql:'],
  example: 'postgres://host/database',
  needsPath: 'must name a database: postgres://host/database',
})

/** A Redis URL (`redis://host:6379`). */
const redisUrl = serviceUrl({ protocols: ['redis:', 'rediss:'], example: 'redis://host:6379' })

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULTS.PORT),
  HOST: z.string().min(1).default(DEFAULTS.HOST),
  DATA_DIR: z.string().min(1).default(DEFAULTS.DATA_DIR),
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : - only')
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default(DEFAULTS.LOG_LEVEL),
  DEMO: booleanString.default(DEFAULTS.DEMO),
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(DEFAULTS.ROOM_IDLE_MS),
  ALLOWED_ORIGINS: originList.default([...DEFAULTS.ALLOWED_ORIGINS]),
  IMPORT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(300_000)
    .default(DEFAULTS.IMPORT_TIMEOUT_MS),
})

export type Env = z.infer<typeof EnvSchema> & { DATA_DIR: string }

/** Parses the environment once, at start, and fails naming the variable that is wrong. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  if (result.data.REDIS_URL && !result.data.DATABASE_URL) {
    throw new Error(
      'Invalid configuration: REDIS_URL: several processes share PostgreSQL: set DATABASE_URL too',
    )
  }
  return { ...result.data, DATA_DIR: path.resolve(result.data.DATA_DIR) }
}
