import { defineConfig } from 'vitest/config'

// Workspace packages resolve to each other's source through the `@mp/source` export condition,
// so tests never need a build first.
const conditions = ['@mp/source', 'module', 'node', 'import', 'default']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // CI also writes a JSON report so `.ci/run` can print a plain `N passed, N failed` line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
  },
})
