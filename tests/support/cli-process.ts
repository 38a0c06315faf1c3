import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../server/bin/pathfinder.mjs', import.meta.url));

/** The environment for a CLI child: this process's, minus settings of ours that would change its behaviour. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['PATHFINDER_TOKEN_SECRET', 'PATHFINDER_JWKS', 'PATHFINDER_DATA', 'AUDIT_LOG', 'PORT']) delete env[key];
  return { ...env, ...extra };
}

/** Runs `pnpm pathfinder …` as a user would (node server/bin/pathfinder.mjs) and collects its output. */
export function runPathfinder(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A `pathfinder …` child left running, to be signalled part-way. */
export interface PathfinderProcess {
  output(): string;
  signal(name: NodeJS.Signals): void;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `pnpm pathfinder …` (node server/bin/pathfinder.mjs) without waiting for it to end. */
export function startPathfinder(args: string[], env: Record<string, string> = {}): PathfinderProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { output: () => output, signal: (name) => child.kill(name), exited };
}

/** A `pathfinder serve` child on a free port, once it says where it listens. */
export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  output(): string;
  signal(name: NodeJS.Signals): void;
  readonly exited: Promise<number | null>;
}

export function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const onData = (d: Buffer) => {
      output += d;
      const port = /Pathfinder Monitor on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port && child.pid) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (more: Buffer) => (output += more));
        resolve({ url: `http://127.0.0.1:${port}`, pid: child.pid, output: () => output, signal: (name) => child.kill(name), exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening:\n${output}`)));
  });
}

/** Stops a `pathfinder serve` child: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopServe(server: ServeProcess, graceMs = 10_000): Promise<void> {
  server.signal('SIGTERM');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const exited = await Promise.race([server.exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
  clearTimeout(timer);
  if (!exited) {
    server.signal('SIGKILL');
    await server.exited;
  }
}

/** Polls `check` every 100 ms until it returns true or `timeoutMs` passes. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
