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
  await untilPrepared(url);
  return {
    url,
    process: child,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * Waits until the server's current release has built what it builds beside serving (attention status tables, Explore's
 * cubes and first answers, the cohort cubes of the curves the benches ask for), by asking for answers that wait for
 * those same builds (each waits for the build in progress, never a second one). Measured before they are done, a
 * first round times those builds as much as the answers. These URLs are not among those any bench times.
 */
export async function untilPrepared(url: string): Promise<void> {
  for (const asked of ['/api/v1/attention?limit=1', '/api/v1/explore/views', '/api/v1/cohorts/imm-mmr1-24m/curve?area=E09000002', '/api/v1/cohorts/imm-dtap-ipv-hib3-12m/curve?area=E09000002']) {
    // A 503 is the request's own deadline (QUERY_TIMEOUT_MS) passing while the build goes on: ask again.
    const deadline = Date.now() + 300_000;
    for (;;) {
      const res = await fetch(`${url}${asked}`);
      await res.arrayBuffer();
      if (res.ok) break;
      if (res.status !== 503 || Date.now() > deadline) throw new Error(`${asked} answered ${res.status} while waiting for the server's preparation`);
    }
  }
}
