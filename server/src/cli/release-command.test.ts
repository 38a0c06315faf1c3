import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseStore } from '@pathfinder/fixtures';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';
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
