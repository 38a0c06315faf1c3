import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localTokenSecret, TOKEN_SECRET_FILE } from './local-token-secret.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-secret-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('localTokenSecret', () => {
  it('creates a random secret readable only by its owner on first use, and returns the same one after', async () => {
    const first = await localTokenSecret({}, dataDir);
    expect(first!.length).toBeGreaterThanOrEqual(32);
    expect((await stat(path.join(dataDir, TOKEN_SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect(await localTokenSecret({}, dataDir)).toBe(first);
    expect((await readFile(path.join(dataDir, TOKEN_SECRET_FILE), 'utf8')).trim()).toBe(first);
  });

  it('agrees on one secret when several processes start at once', async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => localTokenSecret({}, dataDir)));
    expect(new Set(secrets).size).toBe(1);
  });

  it('prefers PATHFINDER_TOKEN_SECRET, and has none when only a JWKS is configured', async () => {
    expect(await localTokenSecret({ PATHFINDER_TOKEN_SECRET: 'x'.repeat(40) }, dataDir)).toBe('x'.repeat(40));
    expect(await localTokenSecret({ PATHFINDER_JWKS: '/etc/jwks.json' }, dataDir)).toBeNull();
  });

  it('refuses a secret file other users can read, naming the fix', async () => {
    const file = path.join(dataDir, TOKEN_SECRET_FILE);
    await writeFile(file, 'y'.repeat(48));
    await chmod(file, 0o644);
    await expect(localTokenSecret({}, dataDir)).rejects.toThrow(`run chmod 600 ${file}`);
  });

  it('refuses a secret file with a short secret', async () => {
    await writeFile(path.join(dataDir, TOKEN_SECRET_FILE), 'short\n', { mode: 0o600 });
    await expect(localTokenSecret({}, dataDir)).rejects.toThrow('shorter than 32 characters');
  });
});
