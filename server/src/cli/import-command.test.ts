import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseStore } from '@pathfinder/fixtures';
import { IMPORT_FORMATS_HELP } from './import-formats-help.ts';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';
import { useTempDirs } from '../../../fixtures/test/temp-dirs.ts';

const tempDir = useTempDirs('pf-cli-import-');


const HEADER = 'period,area_code,measure,numerator,denominator,value_note';

async function tidyFile(name: string, rows: readonly string[]): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

/** SHA-256 of every file of the current release, by relative path. */
async function currentChecksums(dataDir: string): Promise<Record<string, string>> {
  const store = new ReleaseStore(dataDir);
  const dir = store.releaseDir((await store.currentId())!);
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = createHash('sha256').update(await readFile(path.join(e.parentPath, e.name))).digest('hex');
  }
  return out;
}

describe('pathfinder import', () => {
  it('documents every format with an example under --help', async () => {
    const io = captureIo();
    expect(await runCli(['import', '--help'], io)).toBe(0);
    for (const format of ['tidy ', 'fingertips ', 'events ']) expect(io.stdout).toContain(`\n  ${format}`);
    expect(io.stdout.match(/Example/g)?.length).toBeGreaterThanOrEqual(3);
    expect(io.stdout).toContain('child_id,birth_date,practice_code,borough_code,deprivation_quintile,ethnic_group,sex,vaccine,dose,event_date');
  });

  it.each(['tidy', 'fingertips', 'events'])('imports the %s example of --help as it is', async (format) => {
    const section = `\n${IMPORT_FORMATS_HELP}`.split(/\n {2}(?=tidy |fingertips |events )/).find((s) => s.startsWith(`${format} `))!;
    const lines = section.split('\n');
    const example = lines.slice(lines.findIndex((l) => l.includes('Example')) + 1).filter((l) => l.startsWith(' '.repeat(16))).map((l) => l.trim());
    expect(example.length).toBeGreaterThanOrEqual(2);
    const file = path.join(await tempDir(), `example.csv`);
    await writeFile(file, `${example.join('\n')}\n`);
    const io = captureIo();
    expect(await runCli(['import', file, '--format', format, '--data', await tempDir()], io), io.stderr).toBe(0);
  });

  it('publishes a valid file and makes it current', async () => {
    const dataDir = await tempDir();
    const io = captureIo();
    const file = await tidyFile('cover.csv', ['2023/24 Q4,E09000007,24m_MMR1,612,789,']);
    expect(await runCli(['import', file, '--format', 'tidy', '--data', dataDir], io)).toBe(0);
    expect(io.stdout).toMatch(/^published release import-tidy-[0-9a-f]{12} from 1 tidy file in .*; it is now current\n {2}observations.parquet: 1 rows/);
    expect(io.stderr).toBe('');
    expect(await new ReleaseStore(dataDir).currentId()).toMatch(/^import-tidy-/);
  });

  it('rejects a file with a bad row with exit code 2, a table naming the row and column, and the current release unchanged', async () => {
    const dataDir = await tempDir();
    expect(await runCli(['import', await tidyFile('good.csv', ['2023/24 Q4,E09000007,24m_MMR1,612,789,']), '--format', 'tidy', '--data', dataDir, '--release-name', 'good'], captureIo())).toBe(0);
    const before = await currentChecksums(dataDir);
    const io = captureIo();
    const bad = await tidyFile('bad.csv', ['2023/24 Q4,E09000007,24m_MMR1,612,789,', '2023/24 Q4,E09000012,24m_MMR1,seven,789,']);
    expect(await runCli(['import', bad, '--format', 'tidy', '--data', dataDir], io)).toBe(2);
    const lines = io.stderr.split('\n');
    expect(lines[0]).toMatch(/^file\s+row\s+column\s+code\s+value\s+message$/);
    expect(lines[2]).toMatch(/^bad\.csv\s+3\s+numerator\s+invalid_count\s+"seven"\s+numerator must be a whole number ≥ 0 \(got "seven"\)$/);
    expect(io.stderr).toContain('import rejected: 1 error; nothing was published, release good is still current');
    expect(io.stdout).toBe('');
    expect(await new ReleaseStore(dataDir).currentId()).toBe('good');
    expect(await currentChecksums(dataDir)).toEqual(before);
    expect(await readdir(new ReleaseStore(dataDir).releasesDir)).toEqual(['good']);
  });

  it('says how many errors were not listed', async () => {
    const io = captureIo();
    const bad = await tidyFile('bad.csv', Array.from({ length: 5 }, (_, i) => `2023/24 Q4,E0900000${i + 1},24m_MMR1,-1,789,`));
    expect(await runCli(['import', bad, '--format', 'tidy', '--data', await tempDir(), '--max-errors', '2'], io)).toBe(2);
    expect(io.stderr).toContain('import rejected: 5 errors (3 not listed; raise --max-errors to see more); nothing was published\n');
  });

  it.each([
    { args: ['import', 'x.csv'], message: 'import needs --format fingertips|tidy|events' },
    { args: ['import', 'x.csv', '--format', 'xlsx'], message: '--format must be fingertips, tidy or events (got "xlsx")' },
    { args: ['import', '--format', 'tidy'], message: 'import needs at least one FILE' },
    { args: ['import', 'x.csv', '--format', 'tidy', '--release-name', '../up'], message: '--release-name: invalid release name "../up"' },
    { args: ['import', 'x.csv', '--format', 'tidy', '--max-errors', '0'], message: '--max-errors must be at least 1' },
  ])('exits 2 on bad usage: $message', async ({ args, message }) => {
    const io = captureIo();
    expect(await runCli([...args, '--data', await tempDir()], io)).toBe(2);
    expect(io.stderr).toContain(message);
  });

  it('exits 2 when the release name is taken', async () => {
    const dataDir = await tempDir();
    const file = await tidyFile('a.csv', ['2023/24 Q4,E09000007,24m_MMR1,612,789,']);
    expect(await runCli(['import', file, '--format', 'tidy', '--data', dataDir, '--release-name', 'r1'], captureIo())).toBe(0);
    const io = captureIo();
    expect(await runCli(['import', file, '--format', 'tidy', '--data', dataDir, '--release-name', 'r1'], io)).toBe(2);
    expect(io.stderr).toContain('release r1 already exists');
  });

  it('refuses with exit code 2 to make current again a release imported before whose file has since changed, naming it', async () => {
    const dataDir = await tempDir();
    const file = await tidyFile('a.csv', ['2023/24 Q4,E09000007,24m_MMR1,612,789,']);
    expect(await runCli(['import', file, '--format', 'tidy', '--data', dataDir], captureIo())).toBe(0);
    const store = new ReleaseStore(dataDir);
    const first = (await store.currentId())!;
    expect(await runCli(['import', await tidyFile('b.csv', ['2023/24 Q4,E09000012,24m_MMR1,700,900,']), '--format', 'tidy', '--data', dataDir, '--release-name', 'other'], captureIo())).toBe(0);
    await writeFile(path.join(store.releaseDir(first), 'observations.parquet'), 'PAR1');
    const io = captureIo();
    expect(await runCli(['import', file, '--format', 'tidy', '--data', dataDir], io)).toBe(2);
    expect(io.stderr).toMatch(new RegExp(`^release ${first} refused: its files do not match its manifest\n {2}observations\\.parquet: 4 bytes, the manifest says \\d+\n`));
    expect(io.stderr).toContain('nothing changed; release other is still current\n');
    expect(await store.currentId()).toBe('other');
  });

  it('draws a progress bar on stderr with --progress', async () => {
    const io = captureIo();
    const file = await tidyFile('a.csv', ['2023/24 Q4,E09000007,24m_MMR1,612,789,']);
    expect(await runCli(['import', file, '--format', 'tidy', '--data', await tempDir(), '--progress'], io)).toBe(0);
    expect(io.stderr).toMatch(/\r\[#{30}\] 100% a\.csv\s*\n$/);
  });
});
