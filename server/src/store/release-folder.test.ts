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
});
