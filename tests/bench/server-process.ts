import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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

/** CPU seconds a process has used so far (user and system, from /proc/<pid>/stat; Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ').at(-1)!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until a process has been quiet (under 10 % of a core) for a whole second, up to `timeoutMs`: a release's
 * builds that no answer waits for (the status tables of other levels, the extracts, the release before it) go on after
 * `untilPrepared`, and a first request timed meanwhile shares the cores with them. Measured: the first answer after a
 * switch 317 ms with them running, 29 ms once they were done.
 */
export async function untilQuiet(pid: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let before = await cpuSeconds(pid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await cpuSeconds(pid);
    if (now - before < 0.1) return;
    before = now;
  }
  throw new Error(`the server was still busy ${timeoutMs / 1000} s after its release's builds`);
}
