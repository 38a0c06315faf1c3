import { defineConfig } from 'vitest/config';

// One run for every package so CI reads a single JSON report. Browser journeys start the built
// app on their own port, so they run in their own project, one file at a time.
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker (cores − 1), which left a core idle for a third of
    // the run (imports, release generation, waits on the browser): two files at a time.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'metrics', include: ['metrics/src/**/*.test.ts'] } },
      { test: { name: 'fixtures', include: ['fixtures/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'server', include: ['server/src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'] } },
      { test: { name: 'integration', include: ['tests/integration/**/*.int.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      // `pathfinder serve` in a child process, checked over a real socket: headers and compression
      // are what @hono/node-server writes, which `app.request()` never exercises.
      { test: { name: 'socket', include: ['tests/socket/**/*.socket.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
