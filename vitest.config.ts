import { defineConfig } from 'vitest/config';

// One run for every package so CI reads a single JSON report. Browser journeys drive the built app
// that their project's global setup serves on one port; they only read from it, so their files run
// two at a time beside the other projects' instead of one at a time after them all.
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker (cores − 1), which left a core idle for a third of
    // the run (imports, release generation, waits on the browser): two files at a time.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // One DuckDB thread per release database, here and in the `pathfinder serve` children the tests start: with two
    // files at a time on two cores, a second thread per database cost about 40% more CPU for the same tests.
    env: { TZ: 'UTC', DUCKDB_THREADS: '1' },
    projects: [
      { test: { name: 'fixtures', include: ['fixtures/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      // Pure functions with no mocks and no global state: a worker keeps the modules it has loaded
      // from one file to the next instead of importing them again for each of the ~90 files (their
      // import time, not their tests, was most of these two projects' time).
      { test: { name: 'metrics', include: ['metrics/src/**/*.test.ts'], isolate: false } },
      { test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}', 'web/vite/**/*.test.ts'], isolate: false } },
      // These two import the whole server for each file unless a worker keeps its modules: their files share no module
      // state but caches keyed by a release object or a temp folder of their own, and env stubs are undone after each.
      { test: { name: 'server', isolate: false, unstubEnvs: true, include: ['server/src/**/*.test.ts'], testTimeout: 60_000 } },
      // The integration project's global setup generates the test releases most files open, beside the first files (tests/setup/).
      { test: { name: 'integration', isolate: false, unstubEnvs: true, include: ['tests/integration/**/*.int.test.ts'], globalSetup: ['tests/setup/warm-release-cache-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      // `pathfinder serve` in a child process, checked over a real socket: headers and compression
      // are what @hono/node-server writes, which `app.request()` never exercises.
      { test: { name: 'socket', include: ['tests/socket/**/*.socket.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Concurrent tests (a file's page loads that wait on the server more than they compute) three at a time.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
