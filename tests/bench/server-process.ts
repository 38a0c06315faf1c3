import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The real server in its own process (as users run it), on a port, over a data directory. */
export async function startServerProcess(dataDir: string, port: number, env: Record<string, string> = {}): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'server/bin/pathfinder.mjs'), 'serve', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  // The server builds the attention status tables and Explore's cubes and first answers beside serving after it starts:
  // measured before they are done, the first round times that build as much as the answers. These two
  // requests wait for the builds (each waits for the same build, never a second one).
  for (const asked of ['/api/v1/attention?limit=1', '/api/v1/explore/views']) {
    const res = await fetch(`${url}${asked}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${asked} answered ${res.status} while waiting for the server's preparation`);
  }
  return {
    url,
    process: child,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
