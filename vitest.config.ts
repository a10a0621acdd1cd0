import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // the JSON report is what .ci/run counts
    reporters: ['default', ['json', { outputFile: '.tmp/vitest.json' }]],
  },
})
