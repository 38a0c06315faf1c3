import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TESTS = fileURLToPath(new URL('..', import.meta.url));

/**
 * Vitest global setup: starts generating the test cache's releases in a child process and returns at
 * once, so the browser tests start meanwhile; a file that needs a release before it is ready waits
 * for it (the cache's lock), and none is generated twice.
 */
export default function setup() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'setup/warm-release-cache.ts'], { cwd: TESTS, stdio: ['ignore', 'ignore', 'inherit'] });
  return () => {
    if (child.exitCode === null) child.kill();
  };
}
