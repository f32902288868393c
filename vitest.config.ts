import { randomBytes } from 'node:crypto'
import { defineConfig } from 'vitest/config'

/**
 * The suites run once more on PostgreSQL (`TEST_DATABASE=postgres`): those whose outcome rests
 * on what the database does (migrations, the document store and its sequences, sessions,
 * revisions, the silence deadline's compare-and-set, the audit queries behind the activity
 * feed, client ids kept across restarts, crashes and storage failures), plus one seed of each
 * fuzzer. Left out: suites that judge messages, HTTP input or timing (the validator, budgets,
 * hostile input, the permission table), whose database calls are the same Kysely queries, and
 * the browser tests. Run it alone with `npx vitest run --project postgres` (PostgreSQL on
 * 127.0.0.1:5432, or TEST_POSTGRES_URL: a database the tests may create databases from).
 */
const POSTGRES_SUITES = [
  'tests/server/compilationExport.test.ts',
  'tests/server/concordance.test.ts',
  'tests/server/health.test.ts',
  'tests/server/revisionExports.test.ts',
  'tests/server/revisions.test.ts',
  'tests/server/rounds.test.ts',
  'tests/server/sessions.test.ts',
  'tests/server/silence.test.ts',
  'tests/server/storage/**/*.test.ts',
  'tests/collab/activity.test.ts',
  'tests/collab/blockHistory.test.ts',
  'tests/collab/coEditing.test.ts',
  'tests/collab/commentThreads.test.ts',
  'tests/collab/convergenceFuzz.test.ts',
  'tests/collab/hostileFuzz.test.ts',
  'tests/collab/persistence.test.ts',
  'tests/collab/proposalCommands.test.ts',
  'tests/collab/textIntegrity.test.ts',
  'tests/faults/crashRecovery.test.ts',
  'tests/faults/storageFailure.test.ts',
]

/** What the server suites share: one file at a time, so that timings on 2 cores stay stable. */
const SERVER_SUITES = { fileParallelism: false, testTimeout: 60_000, hookTimeout: 60_000 }

// Each run names its PostgreSQL databases draftroom_test_<run>_..., so that its teardown drops
// what it left and nothing of a run beside it.
const TEST_RUN = randomBytes(4).toString('hex')

// Three projects: fast unit tests; the server, collaboration, fault and browser tests on
// SQLite; the server suites again on PostgreSQL. Vitest runs them as three groups, one after
// the other (the postgres group by its groupOrder, the one-file-at-a-time integration project
// in a group of its own, last), so that two servers never share the 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/client/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'tests/server/**/*.test.ts',
            'tests/collab/**/*.test.ts',
            'tests/faults/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
            // Several processes: always on PostgreSQL and Redis, whatever the project.
            'tests/cluster/**/*.test.ts',
          ],
          ...SERVER_SUITES,
        },
      },
      {
        test: {
          name: 'postgres',
          include: POSTGRES_SUITES,
          env: {
            TEST_DATABASE: 'postgres',
            DRAFTROOM_TEST_RUN: TEST_RUN,
            // Other seeds than SQLite's, fewer and in less time: the second run adds coverage
            // instead of repeating it. A seed given in the shell (to replay one) wins.
            FUZZ_SEEDS: process.env.FUZZ_SEEDS ?? '9,10',
            FUZZ_BUDGET_MS: process.env.FUZZ_BUDGET_MS ?? '20000',
            CRASH_SEEDS: process.env.CRASH_SEEDS ?? '5',
            HOSTILE_FUZZ_SEEDS: process.env.HOSTILE_FUZZ_SEEDS ?? '4',
            HOSTILE_FUZZ_STEPS: process.env.HOSTILE_FUZZ_STEPS ?? '400',
            HOSTILE_FUZZ_BUDGET_MS: process.env.HOSTILE_FUZZ_BUDGET_MS ?? '25000',
          },
          globalSetup: ['tests/helpers/postgresProject.ts'],
          sequence: { groupOrder: 1 },
          ...SERVER_SUITES,
        },
      },
    ],
  },
})
