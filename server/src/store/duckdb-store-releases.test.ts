import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseVerificationError } from '@pathfinder/metrics';
import { useTempDirs } from '../../../fixtures/test/temp-dirs.ts';
import { damagedCopy } from '../../../fixtures/test/damage-release.ts';
import { DuckDbStore } from './duckdb-store.ts';
import { ReleaseNotFoundError } from './data-store.ts';
import { pointCurrentAt, writeHandMadeRelease } from './hand-made-release.test-helper.ts';
import { ReleaseFolder } from './release-folder.ts';
import { ReleaseListing } from './release-listing.ts';

const tempDir = useTempDirs('pf-store-releases-');

describe('DuckDbStore serving several releases', () => {
  it('opens another release on first use, refuses an unknown id and one that fails verification, and keeps the current one as it is', async () => {
    const dataDir = await tempDir();
    await writeHandMadeRelease(dataDir, 'a', '2025-01-01T00:00:00.000Z');
    const b = await writeHandMadeRelease(dataDir, 'b', '2025-02-01T00:00:00.000Z');
    await damagedCopy(b, path.join(dataDir, 'releases', 'bad'), 'missing file', 'data.txt', { id: 'bad' });
    await pointCurrentAt(dataDir, 'a');
    const store = await DuckDbStore.open(dataDir);
    expect(await store.release('a')).toBe(store.current());
    const other = await store.release('b');
    expect(other.manifest.id).toBe('b');
    expect(await store.release('b')).toBe(other);
    await expect(store.release('nope')).rejects.toBeInstanceOf(ReleaseNotFoundError);
    await expect(store.release('bad')).rejects.toThrow(new ReleaseVerificationError('bad', [{ file: 'data.txt', problem: 'missing' }]));
    expect(store.current().manifest.id).toBe('a');
    await store.close();
  });

  it('keeps the release it switched from open for the requests that name it', async () => {
    const dataDir = await tempDir();
    await writeHandMadeRelease(dataDir, 'a', '2025-01-01T00:00:00.000Z');
    await writeHandMadeRelease(dataDir, 'b', '2025-02-01T00:00:00.000Z');
    await pointCurrentAt(dataDir, 'a');
    const store = await DuckDbStore.open(dataDir);
    const a = store.current();
    await pointCurrentAt(dataDir, 'b');
    expect(await store.refresh()).toBe(true);
    expect(store.current().manifest.id).toBe('b');
    expect(await store.release('a')).toBe(a);
    expect(await a.runner.all({ text: 'SELECT 42 AS answer', params: [] })).toEqual([{ answer: 42 }]);
    await store.close();
  });

  it('lists every release newest first, a release published later too, and leaves out (logging once) one whose manifest cannot be read', async () => {
    const dataDir = await tempDir();
    await writeHandMadeRelease(dataDir, 'a', '2025-01-01T00:00:00.000Z');
    const broken = await writeHandMadeRelease(dataDir, 'broken', '2025-03-01T00:00:00.000Z');
    await writeFile(path.join(broken, 'manifest.json'), '{"id": "broken"');
    const warnings: Record<string, unknown>[] = [];
    const listing = new ReleaseListing(new ReleaseFolder(dataDir), (line) => warnings.push(line));
    expect((await listing.manifests()).map((m) => m.id)).toEqual(['a']);
    await writeHandMadeRelease(dataDir, 'b', '2025-02-01T00:00:00.000Z');
    expect((await listing.manifests()).map((m) => m.id)).toEqual(['b', 'a']);
    expect(warnings).toEqual([expect.objectContaining({ release: 'broken', error: expect.stringMatching(/manifest\.json is not JSON/) })]);
    await rm(path.join(dataDir, 'releases', 'a'), { recursive: true });
    expect((await listing.manifests()).map((m) => m.id)).toEqual(['b']);
    expect(await listing.has('broken')).toBe(true);
    expect(await listing.has('a')).toBe(false);
  });
});
