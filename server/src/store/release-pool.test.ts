import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseVerificationError } from '@pathfinder/metrics';
import { useTempDirs } from '../../../fixtures/test/temp-dirs.ts';
import type { OpenRelease } from './data-store.ts';
import { writeHandMadeRelease } from './hand-made-release.test-helper.ts';
import { ReleaseFolder } from './release-folder.ts';
import { ReleasePool } from './release-pool.ts';

const tempDir = useTempDirs('pf-release-pool-');

/** A release folder whose verifications are counted, a pool over it on a clock the test moves, and the releases prepared. */
async function poolOver(dataDir: string) {
  const folder = new ReleaseFolder(dataDir);
  let verified = 0;
  const verify = folder.verify.bind(folder);
  folder.verify = (id) => {
    verified++;
    return verify(id);
  };
  const clock = { now: 1_000_000 };
  const prepared: OpenRelease[] = [];
  const pool = new ReleasePool(folder, { prepare: async (release) => void prepared.push(release) }, () => clock.now);
  return { pool, clock, prepared, verifications: () => verified };
}

describe('ReleasePool', () => {
  it('opens a release once for concurrent first requests, verified and prepared once', async () => {
    const dataDir = await tempDir();
    await writeHandMadeRelease(dataDir, 'r1', '2025-01-01T00:00:00.000Z');
    const { pool, prepared, verifications } = await poolOver(dataDir);
    const [a, b] = await Promise.all([pool.get('r1'), pool.get('r1')]);
    expect(a).toBe(b);
    expect(await pool.get('r1')).toBe(a);
    expect(a.manifest.id).toBe('r1');
    expect(verifications()).toBe(1);
    expect(prepared).toEqual([a]);
    await pool.closeAll();
  });

  it('refuses a release that fails verification without hashing it again on every request, and serves it once repaired', async () => {
    const dataDir = await tempDir();
    const dir = await writeHandMadeRelease(dataDir, 'r1', '2025-01-01T00:00:00.000Z');
    const file = path.join(dir, 'data.txt');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.toUpperCase());
    const { pool, clock, verifications } = await poolOver(dataDir);
    const first = await pool.get('r1').catch((error: unknown) => error);
    expect(first).toBeInstanceOf(ReleaseVerificationError);
    expect((first as Error).message).toMatch(/^release r1 failed verification: data.txt: SHA-256 /);
    // Within a few seconds: the same refusal, the folder not even looked at.
    await expect(pool.get('r1')).rejects.toBe(first);
    clock.now += 6_000;
    // Later, the folder is looked at: unchanged, so still refused without verifying.
    await expect(pool.get('r1')).rejects.toBe(first);
    expect(verifications()).toBe(1);
    await writeFile(file, good);
    clock.now += 6_000;
    const repaired = await pool.get('r1');
    expect(repaired.manifest.id).toBe('r1');
    expect(verifications()).toBe(2);
    await pool.closeAll();
  });

  it('looks at a refused release again at once when asked to (the current pointer moved to it)', async () => {
    const dataDir = await tempDir();
    const dir = await writeHandMadeRelease(dataDir, 'r1', '2025-01-01T00:00:00.000Z');
    const file = path.join(dir, 'data.txt');
    const good = await readFile(file, 'utf8');
    await writeFile(file, '');
    const { pool } = await poolOver(dataDir);
    await expect(pool.get('r1')).rejects.toThrow('data.txt: 0 bytes');
    await writeFile(file, good);
    await expect(pool.get('r1')).rejects.toThrow('data.txt: 0 bytes');
    expect((await pool.get('r1', true)).manifest.id).toBe('r1');
    await pool.closeAll();
  });

  it('closes releases idle for longer than asked, but those it is told to keep, and opens them again on use', async () => {
    const dataDir = await tempDir();
    await writeHandMadeRelease(dataDir, 'r1', '2025-01-01T00:00:00.000Z');
    await writeHandMadeRelease(dataDir, 'r2', '2025-01-02T00:00:00.000Z');
    const { pool, clock, verifications } = await poolOver(dataDir);
    const [r1, r2] = await Promise.all([pool.get('r1'), pool.get('r2')]);
    clock.now += 60_000;
    pool.touch('r2');
    pool.closeIdle(30_000, new Set());
    expect(await pool.get('r2')).toBe(r2);
    const again = await pool.get('r1');
    expect(again).not.toBe(r1);
    await expect(r1.runner.all({ text: 'SELECT 1', params: [] })).rejects.toThrow();
    clock.now += 60_000;
    pool.closeIdle(30_000, new Set(['r1', 'r2']));
    expect(await pool.get('r1')).toBe(again);
    expect(verifications()).toBe(3);
    await pool.closeAll();
  });
});
