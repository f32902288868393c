/** Where the server keeps everything: the SQLite file in DATA_DIR, or PostgreSQL (DATABASE_URL). */
export type StorageKind = 'sqlite' | 'postgres'

/** How to reach the storage: SQLite's data directory, or PostgreSQL's connection URL. */
export type StorageConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string }

/** The storage an environment asks for: PostgreSQL when `databaseUrl` is set. */
export function storageConfig(props: {
  dataDir: string
  databaseUrl?: string | undefined
}): StorageConfig {
  return props.databaseUrl
    ? { kind: 'postgres', url: props.databaseUrl }
    : { kind: 'sqlite', dataDir: props.dataDir }
}
