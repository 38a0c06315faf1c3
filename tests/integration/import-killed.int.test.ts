import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseStore, importRelease } from '@pathfinder/fixtures';
import { DuckDbStore, createApp } from '@pathfinder/server';
import { currentReleaseChecksums } from '../../fixtures/test/release-views.ts';
import { writeBigTidyFile } from '../support/big-tidy-file.ts';
import { eventually, runPathfinder, startPathfinder } from '../support/cli-process.ts';
import { buildingFolders } from '../support/release-integrity.ts';
import { VALID_IMPORT_FILES, csvText } from '../support/valid-import-files.ts';

const VALUES = '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&period=2023/24%20Q4';

let workDir: string;
let smallFile: string;
let bigFile: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'pf-import-killed-'));
  smallFile = path.join(workDir, 'small.csv');
  bigFile = path.join(workDir, 'big.csv');
  await writeFile(smallFile, csvText(VALID_IMPORT_FILES.tidy));
  // 280,000 rows: about 2.5 s to import on a 2-core machine, so the kill lands part-way.
  await writeBigTidyFile(bigFile, 10_000);
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

/**
 * A data directory whose current release is the small tidy file, after `pathfinder import` of the
 * big file was killed with SIGKILL once it had created its `.building-*` folder.
 */
async function afterKilledImport() {
  const dataDir = await mkdtemp(path.join(workDir, 'data-'));
  const previous = (await importRelease(dataDir, [smallFile], 'tidy')).manifest.id;
  const before = await currentReleaseChecksums(dataDir);
  const child = startPathfinder(['import', bigFile, '--format', 'tidy', '--data', dataDir]);
  const building = await eventually(async () => (await buildingFolders(dataDir)).length > 0, 30_000);
  await new Promise((r) => setTimeout(r, 300));
  child.signal('SIGKILL');
  expect(building, child.output()).toBe(true);
  expect(await child.exited, `the import ended before the kill:\n${child.output()}`).toEqual({ code: null, signal: 'SIGKILL' });
  return { dataDir, previous, before };
}

describe('pathfinder import killed with SIGKILL part-way', () => {
  it('leaves the current release byte for byte, and it is still served', async () => {
    const { dataDir, previous, before } = await afterKilledImport();
    expect(await currentReleaseChecksums(dataDir)).toEqual(before);
    const store = await DuckDbStore.open(dataDir);
    try {
      const res = await createApp({ store }).request(VALUES);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { meta: { releaseId: string }; rows: { areaCode: string; value: number | null }[] };
      expect(body.meta.releaseId).toBe(previous);
      // The public is given the release's public table: counts rounded to 5 (612/789 → 610/790), the value computed from them.
      expect(body.rows.filter((r) => r.value !== null).map(({ areaCode, value }) => ({ areaCode, value }))).toEqual([
        { areaCode: 'E09000007', value: expect.closeTo((610 / 790) * 100, 9) },
        { areaCode: 'E09000012', value: expect.closeTo((700 / 900) * 100, 9) },
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('leaves a .building-* folder that release list ignores and the next import publishes past and removes', async () => {
    const { dataDir, previous } = await afterKilledImport();
    expect(await buildingFolders(dataDir)).toHaveLength(1);

    const listed = await runPathfinder(['release', 'list', '--data', dataDir]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(previous);
    expect(listed.stdout).not.toContain('.building');

    const next = path.join(workDir, `next-${path.basename(dataDir)}.csv`);
    await writeFile(next, csvText({ ...VALID_IMPORT_FILES.tidy, rows: VALID_IMPORT_FILES.tidy.rows.slice(0, 2) }));
    const imported = await runPathfinder(['import', next, '--format', 'tidy', '--data', dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    const store = new ReleaseStore(dataDir);
    const releases = (await store.list()).map((m) => m.id);
    expect(releases).toHaveLength(2);
    expect(releases).toContain(previous);
    expect(await store.currentId()).toBe(releases.find((id) => id !== previous));
    expect(await buildingFolders(dataDir)).toEqual([]);
  }, 60_000);
});
