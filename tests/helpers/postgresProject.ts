import type { TestProject } from 'vitest/node'
import { checkTestPostgres, dropLeftoverTestDatabases } from './servers/storage.ts'

/**
 * The global setup of the `postgres` project: fails at once, with a clear message, when
 * PostgreSQL does not answer; at the end drops whatever database of this run a test left.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await checkTestPostgres()
  const run = project.config.env.DRAFTROOM_TEST_RUN
  if (!run) throw new Error('the postgres project sets DRAFTROOM_TEST_RUN')
  return async () => {
    await dropLeftoverTestDatabases(run)
  }
}
