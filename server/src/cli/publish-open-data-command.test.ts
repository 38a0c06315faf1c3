import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseStore, importRelease } from '@pathfinder/fixtures';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';
import { useTempDirs } from '../../../fixtures/test/temp-dirs.ts';

const tempDir = useTempDirs('pf-cli-published-');

describe('pathfinder publish-open-data', () => {
  it('builds the published release into an empty data directory and makes it current; run again, it builds nothing', async () => {
    const dataDir = await tempDir();
    const io = captureIo();
    expect(await runCli(['publish-open-data', '--data', dataDir], io)).toBe(0);
    const store = new ReleaseStore(dataDir);
    const current = await store.currentId();
    expect(current).toMatch(/^published-[0-9a-f]{12}$/);
    expect(io.stdout).toContain(`published release ${current} built in ${dataDir}`);
    expect(io.stdout).toContain('it is now the current release');
    const again = captureIo();
    expect(await runCli(['publish-open-data', '--data', dataDir], again)).toBe(0);
    expect(again.stdout).toBe(`published release ${current} is already in ${dataDir}; nothing to build\n`);
    expect(await store.ids()).toEqual([current]);
  });

  it('leaves the current release current when there is one', async () => {
    const dataDir = await tempDir();
    const file = path.join(await tempDir(), 'cover.csv');
    await writeFile(file, 'period,area_code,measure,numerator,denominator\n2023/24 Q4,E09000002,24m_MMR1,80,100\n');
    const imported = await importRelease(dataDir, [file], 'tidy');
    const io = captureIo();
    expect(await runCli(['publish-open-data', '--data', dataDir], io)).toBe(0);
    const store = new ReleaseStore(dataDir);
    expect(await store.currentId()).toBe(imported.manifest.id);
    const published = (await store.ids()).find((id) => id.startsWith('published-'));
    expect(io.stdout).toContain(`the current release is unchanged (pnpm pathfinder release activate ${published} to switch)`);
  });
});
