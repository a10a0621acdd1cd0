import { defineConfig } from 'vitest/config'

// Every test runs on SQLite; with TEST_DATABASE_URL (a PostgreSQL server) every test that touches
// the store runs again on PostgreSQL, each in a schema of its own (test/helpers/database.ts).
const postgres = process.env.TEST_DATABASE_URL

const shared = {
  testTimeout: 20_000,
  hookTimeout: 20_000,
  pool: 'forks' as const,
}

export default defineConfig({
  test: {
    // the JSON report (both databases together) is what .ci/run counts
    reporters: ['default', ['json', { outputFile: '.tmp/vitest.json' }]],
    projects: [
      {
        test: {
          ...shared,
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          env: { TEST_DATABASE_URL: '' },
        },
      },
      ...(postgres
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                // each statement is a round trip to the server: seeding a school takes longer
                testTimeout: 60_000,
                hookTimeout: 60_000,
                include: ['test/**/*.test.ts'],
                // pure code: nothing there touches a database
                exclude: ['test/rules/**', 'test/locales.test.ts', 'test/config.test.ts'],
                env: { TEST_DATABASE_URL: postgres },
              },
            },
          ]
        : []),
    ],
  },
})
