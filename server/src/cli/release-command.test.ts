import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseStore } from '@pathfinder/fixtures';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';
import { RELEASE_DAMAGES, damagedCopy } from '../../../fixtures/test/damage-release.ts';
import { useTempDirs } from '../../../fixtures/test/temp-dirs.ts';

const tempDir = useTempDirs('pf-cli-release-');


async function importNamed(dataDir: string, name: string, rows: readonly string[]): Promise<void> {
  const file = path.join(await tempDir(), `${name}.csv`);
  await writeFile(file, `indicator,area_code,period,numerator,denominator\n${rows.join('\n')}\n`);
  const io = captureIo();
  if ((await runCli(['import', file, '--format', 'tidy', '--data', dataDir, '--release-name', name], io)) !== 0) throw new Error(io.stderr);
}

describe('pathfinder release', () => {
  it('says when there are no releases', async () => {
    const io = captureIo();
    expect(await runCli(['release', 'list', '--data', await tempDir()], io)).toBe(0);
    expect(io.stdout).toMatch(/^no releases in /);
  });

  it('lists releases with id, created, synthetic, rows and the current marker, and activates another', async () => {
    const dataDir = await tempDir();
    await importNamed(dataDir, 'first', ['imm-mmr1-24m,E09000007,2023/24 Q4,612,789']);
    await importNamed(dataDir, 'second', ['imm-mmr1-24m,E09000007,2023/24 Q4,612,789', 'imm-mmr1-24m,E09000012,2023/24 Q4,700,900']);
    const list = captureIo();
    expect(await runCli(['release', 'list', '--data', dataDir], list)).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^current\s+id\s+created \(UTC\)\s+synthetic\s+rows$/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/))).toEqual([
      ['*', 'second', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 'no', '2'],
      ['', 'first', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 'no', '1'],
    ]);

    const io = captureIo();
    expect(await runCli(['release', 'activate', 'first', '--data', dataDir], io)).toBe(0);
    expect(io.stdout).toBe(`release first is now current in ${dataDir}\n`);
    expect(await new ReleaseStore(dataDir).currentId()).toBe('first');
    const after = captureIo();
    await runCli(['release', 'list', '--data', dataDir], after);
    expect(after.stdout).toMatch(/\n\*\s+first\s/);
  });

  it('refuses an unknown release id with exit code 2, naming the known ones, and keeps the current one', async () => {
    const dataDir = await tempDir();
    await importNamed(dataDir, 'only', ['imm-mmr1-24m,E09000007,2023/24 Q4,612,789']);
    const io = captureIo();
    expect(await runCli(['release', 'activate', 'nope', '--data', dataDir], io)).toBe(2);
    expect(io.stderr).toBe(`unknown release "nope" in ${dataDir}; releases: only\n`);
    expect(await new ReleaseStore(dataDir).currentId()).toBe('only');
  });

  it.each(RELEASE_DAMAGES)('refuses a release with a %s with exit code 2, naming the file and what is wrong, and keeps the current one', async (damage) => {
    const dataDir = await tempDir();
    await importNamed(dataDir, 'good', ['imm-mmr1-24m,E09000007,2023/24 Q4,612,789']);
    const store = new ReleaseStore(dataDir);
    const bytes = (await store.manifest('good')).files.find((f) => f.path === 'observations.parquet')!.bytes;
    await damagedCopy(store.releaseDir('good'), store.releaseDir('bad'), damage, 'observations.parquet', { id: 'bad' });
    const io = captureIo();
    expect(await runCli(['release', 'activate', 'bad', '--data', dataDir], io)).toBe(2);
    const problem = {
      'truncated file': `  observations.parquet: ${Math.floor(bytes / 2)} bytes, the manifest says ${bytes}\n`,
      'flipped byte': expect.stringMatching(/^ {2}observations\.parquet: SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}\n$/),
      'missing file': '  observations.parquet: missing\n',
      'missing manifest': '  manifest.json: missing\n',
    }[damage];
    const [first, detail, last] = io.stderr.split(/(?<=\n)/);
    expect([first, detail, last]).toEqual(['release bad refused: its files do not match its manifest\n', problem, 'nothing changed; release good is still current\n']);
    expect(io.stdout).toBe('');
    expect(await store.currentId()).toBe('good');
  });

  it('lists a release whose manifest is missing last, saying why on stderr', async () => {
    const dataDir = await tempDir();
    await importNamed(dataDir, 'good', ['imm-mmr1-24m,E09000007,2023/24 Q4,612,789']);
    const store = new ReleaseStore(dataDir);
    await damagedCopy(store.releaseDir('good'), store.releaseDir('bad'), 'missing manifest', 'observations.parquet', { id: 'bad' });
    const io = captureIo();
    expect(await runCli(['release', 'list', '--data', dataDir], io)).toBe(0);
    expect(io.stdout.trimEnd().split('\n').slice(2).map((l) => l.split(/\s{2,}/))).toEqual([
      ['*', 'good', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 'no', '1'],
      ['', 'bad', '-', '-', '-'],
    ]);
    expect(io.stderr).toBe('release bad: manifest.json is missing\n');
  });

  it('verifies a release that is already current again, and says so when it still matches', async () => {
    const dataDir = await tempDir();
    await importNamed(dataDir, 'only', ['imm-mmr1-24m,E09000007,2023/24 Q4,612,789']);
    const io = captureIo();
    expect(await runCli(['release', 'activate', 'only', '--data', dataDir], io)).toBe(0);
    expect(io.stdout).toBe(`release only is already current in ${dataDir}\n`);
  });

  it.each([
    { args: ['release'], message: 'release needs an action: list or activate' },
    { args: ['release', 'delete', 'x'], message: 'unknown release action "delete"' },
    { args: ['release', 'activate'], message: 'release activate needs one ID' },
  ])('exits 2 on bad usage: $message', async ({ args, message }) => {
    const io = captureIo();
    expect(await runCli([...args, '--data', await tempDir()], io)).toBe(2);
    expect(io.stderr).toContain(message);
  });
});
