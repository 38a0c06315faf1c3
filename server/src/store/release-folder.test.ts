import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseFolder } from './release-folder.ts';

let dataDir = '';
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const MANIFEST = {
  id: 'r1', createdAt: '2025-01-01T00:00:00.000Z', synthetic: true, dataAsAt: '2024-12-31',
  source: { kind: 'synthetic', seed: 1, scale: 1, generator: 'test' }, files: [],
  coverage: { indicators: [], firstPeriod: null, lastPeriod: null },
};

describe('ReleaseFolder (the server’s read-only view of a data directory)', () => {
  it('reads the current pointer and a release’s manifest', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pf-folder-'));
    const folder = new ReleaseFolder(dataDir);
    expect(await folder.currentId()).toBeNull();
    await mkdir(folder.releaseDir('r1'), { recursive: true });
    await writeFile(path.join(folder.releaseDir('r1'), 'manifest.json'), JSON.stringify(MANIFEST));
    await writeFile(folder.pointerFile, 'r1\n');
    expect(await folder.currentId()).toBe('r1');
    expect((await folder.manifest('r1')).dataAsAt).toBe('2024-12-31');
  });

  it('names the release and the problem when a manifest is missing, not JSON or invalid', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pf-folder-'));
    const folder = new ReleaseFolder(dataDir);
    await expect(folder.manifest('gone')).rejects.toThrow(`release gone not found in ${path.join(dataDir, 'releases')}`);
    await mkdir(folder.releaseDir('bad'), { recursive: true });
    await writeFile(path.join(folder.releaseDir('bad'), 'manifest.json'), '{"id": "bad"');
    await expect(folder.manifest('bad')).rejects.toThrow(/^release bad: manifest.json is not JSON/);
    await writeFile(path.join(folder.releaseDir('bad'), 'manifest.json'), JSON.stringify({ ...MANIFEST, id: 'bad', dataAsAt: 'yesterday' }));
    await expect(folder.manifest('bad')).rejects.toThrow(/^release bad: invalid manifest.json: /);
  });

  it('lists release folders but not unfinished builds or stray files, and verifies a release’s files on disk', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pf-folder-'));
    const folder = new ReleaseFolder(dataDir);
    expect(await folder.ids()).toEqual([]);
    await mkdir(folder.releaseDir('.building-1-2'), { recursive: true });
    await writeFile(path.join(dataDir, 'releases', 'notes.txt'), 'not a release');
    await mkdir(path.join(folder.releaseDir('r1'), 'events', 'doses.parquet'), { recursive: true });
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    const abc = { sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', rows: 1, bytes: 3 };
    await writeFile(path.join(folder.releaseDir('r1'), 'a.parquet'), 'abc');
    const files = [{ path: 'a.parquet', ...abc }, { path: 'events/doses.parquet', ...abc }, { path: 'a.parquet/x', ...abc }];
    await writeFile(path.join(folder.releaseDir('r1'), 'manifest.json'), JSON.stringify({ ...MANIFEST, files }));
    expect(await folder.ids()).toEqual(['r1']);
    expect((await folder.verify('r1')).problems).toEqual([
      { file: 'events/doses.parquet', problem: 'missing' },
      { file: 'a.parquet/x', problem: 'missing' },
    ]);
  });
});
