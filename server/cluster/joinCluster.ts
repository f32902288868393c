import type { Kysely } from 'kysely'
import type { Logger } from '../logger.ts'
import type { Database } from '../storage/schema.ts'
import type { StorageKind } from '../storage/StorageKind.ts'
import { ClusterBus, defaultRedisPrefix } from './ClusterBus.ts'
import { ClusterNode } from './ClusterNode.ts'

/** This process joins the others on the same PostgreSQL database through Redis (REDIS_URL). */
export function joinCluster(props: {
  db: Kysely<Database>
  kind: StorageKind
  logger: Logger
  now: () => Date
  redisUrl: string
  redisPrefix?: string | undefined
  databaseUrl?: string | undefined
  validateUpdates?: boolean | undefined
}): ClusterNode {
  if (props.kind !== 'postgres' || !props.databaseUrl) {
    throw new Error('REDIS_URL needs DATABASE_URL: the processes share one PostgreSQL database')
  }
  const prefix = props.redisPrefix ?? defaultRedisPrefix(props.databaseUrl)
  const bus = new ClusterBus(props.redisUrl, prefix, props.logger)
  return new ClusterNode(props.db, bus, props.logger, {
    validateUpdates: props.validateUpdates ?? true,
    now: props.now,
  })
}
