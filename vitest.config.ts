import { defineConfig } from 'vitest/config'

// Two projects: fast unit tests, and the tests that start real servers and browsers.
// The latter run one file at a time so that timings on a 2-core CI machine stay stable.
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
          ],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
