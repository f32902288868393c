/**
 * Whether a query failed on a unique key (or primary key): SQLite's `SQLITE_CONSTRAINT_UNIQUE`
 * or `..._PRIMARYKEY`, PostgreSQL's SQLSTATE 23505. Commands that check and then insert let the
 * key decide a race, and answer 409 when they lose it.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const { code } = error
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
