import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../fixtures/test/temp-dirs.ts';
import { damagedCopy } from '../../../fixtures/test/damage-release.ts';
import { DuckDbStore } from './duckdb-store.ts';
import { pointCurrentAt, writeHandMadeRelease } from './hand-made-release.test-helper.ts';

const tempDir = useTempDirs('pf-store-open-');

const writeRelease = writeHandMadeRelease;
const point = pointCurrentAt;

/** A data directory with good releases `old` (January) and `newer` (February), and `bad` (March, the newest) whose data.txt lost a byte. */
async function dataDirWithBadNewest(): Promise<string> {
  const dataDir = await tempDir();
  await writeRelease(dataDir, 'old', '2025-01-01T00:00:00.000Z');
  const newer = await writeRelease(dataDir, 'newer', '2025-02-01T00:00:00.000Z');
  await damagedCopy(newer, path.join(dataDir, 'releases', 'bad'), 'truncated file', 'data.txt', { id: 'bad', createdAt: '2025-03-01T00:00:00.000Z' });
  return dataDir;
}

describe('DuckDbStore opening and switching verified releases', () => {
  it('serves the current release when it verifies, and is not degraded', async () => {
    const dataDir = await dataDirWithBadNewest();
    await point(dataDir, 'old');
    const store = await DuckDbStore.open(dataDir);
    expect(store.current().manifest.id).toBe('old');
    expect(store.degradation()).toBeNull();
    await store.close();
  });

  it('gives each release database the threads it is told to, and DuckDB its default otherwise', async () => {
    const dataDir = await dataDirWithBadNewest();
    await point(dataDir, 'old');
    const threads = async (store: DuckDbStore) => (await store.current().runner.all<{ threads: bigint | number }>({ text: "SELECT current_setting('threads') AS threads", params: [] }))[0]!.threads;
    const one = await DuckDbStore.open(dataDir, { threads: 1 });
    expect(Number(await threads(one))).toBe(1);
    await one.close();
    const own = await DuckDbStore.open(dataDir);
    expect(Number(await threads(own))).toBe(availableParallelism());
    await own.close();
  });

  it('serves the newest release that verifies when the current one does not, and says why', async () => {
    const dataDir = await dataDirWithBadNewest();
    await point(dataDir, 'bad');
    const store = await DuckDbStore.open(dataDir);
    expect(store.current().manifest.id).toBe('newer');
    expect(store.degradation()).toBe('release bad failed verification: data.txt: 7 bytes, the manifest says 14');
    await store.close();
  });

  it('skips every release that fails on the way to the newest that passes, naming each; one without a manifest has no date and comes last', async () => {
    const dataDir = await dataDirWithBadNewest();
    await damagedCopy(path.join(dataDir, 'releases', 'old'), path.join(dataDir, 'releases', 'worse'), 'missing file', 'data.txt', { id: 'worse', createdAt: '2025-02-15T00:00:00.000Z' });
    await rm(path.join(dataDir, 'releases', 'newer', 'manifest.json'));
    await point(dataDir, 'bad');
    const store = await DuckDbStore.open(dataDir);
    expect(store.current().manifest.id).toBe('old');
    expect(store.degradation()).toBe(
      'release bad failed verification: data.txt: 7 bytes, the manifest says 14 (newer releases skipped too: release worse failed verification: data.txt: missing)',
    );
    await store.close();
  });

  it('serves the newest other release when the current one verifies but DuckDB cannot read it', async () => {
    const dataDir = await tempDir();
    await writeRelease(dataDir, 'good', '2025-01-01T00:00:00.000Z');
    await writeRelease(dataDir, 'unreadable', '2025-02-01T00:00:00.000Z', 'observations.parquet');
    await point(dataDir, 'unreadable');
    const store = await DuckDbStore.open(dataDir);
    expect(store.current().manifest.id).toBe('good');
    expect(store.degradation()).toMatch(/observations\.parquet/);
    await store.close();
  });

  it('refuses to start, giving each release’s problem, when no release verifies', async () => {
    const dataDir = await tempDir();
    const only = await writeRelease(dataDir, 'only', '2025-01-01T00:00:00.000Z');
    await damagedCopy(only, path.join(dataDir, 'releases', 'copy'), 'missing manifest', 'data.txt', { id: 'copy' });
    await writeFile(path.join(only, 'data.txt'), 'rows of 0nly\n');
    await point(dataDir, 'only');
    await expect(DuckDbStore.open(dataDir)).rejects.toThrow(
      `no release in ${dataDir} can be served:\n  release only failed verification: data.txt: SHA-256 ${createHash('sha256').update('rows of 0nly\n').digest('hex')}, the manifest says ${createHash('sha256').update('rows of only\n').digest('hex')}\n  release copy failed verification: manifest.json: missing`,
    );
  });

  it('keeps the release it serves when the pointer moves to one that fails verification, and recovers when it moves back', async () => {
    const dataDir = await dataDirWithBadNewest();
    await point(dataDir, 'newer');
    const store = await DuckDbStore.open(dataDir);
    await point(dataDir, 'bad');
    await expect(store.refresh()).rejects.toThrow('release bad failed verification: data.txt: 7 bytes, the manifest says 14');
    expect(store.current().manifest.id).toBe('newer');
    expect(store.degradation()).toMatch(/^release bad failed verification/);
    await point(dataDir, 'newer');
    expect(await store.refresh()).toBe(false);
    expect(store.degradation()).toBeNull();
    await point(dataDir, 'old');
    expect(await store.refresh()).toBe(true);
    expect(store.current().manifest.id).toBe('old');
    await store.close();
  });

  it('opens only the files its manifest lists: an unlisted events file is not served', async () => {
    const dataDir = await tempDir();
    const dir = await writeRelease(dataDir, 'r1', '2025-01-01T00:00:00.000Z');
    await mkdir(path.join(dir, 'events'));
    await writeFile(path.join(dir, 'events', 'doses.parquet'), 'not verified');
    await point(dataDir, 'r1');
    const store = await DuckDbStore.open(dataDir);
    expect(store.current().hasEvents).toBe(false);
    await store.close();
  });
});
