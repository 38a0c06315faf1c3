import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('pathfinder generate --as-at', () => {
  it('documents the option with its default and an example', async () => {
    const io = captureIo();
    expect(await runCli(['generate', '--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^ {2}--as-at DATE\s+last day of the data, YYYY-MM-DD from 2018-06-30 to 2025-03-31/m);
    expect(io.stdout.replace(/\s+/g, ' ')).toContain('(default: 2025-03-31)');
    expect(io.stdout).toContain('  pnpm pathfinder generate --scale 0.05 --as-at 2024-12-31\n');
    expect(io.stdout).toMatch(/^ {2}--scale S\s+Londons' worth of children and patients to generate, > 0 and ≤ 4/m);
    expect(io.stdout).toContain('  pnpm pathfinder generate --scale 4 --data four-londons\n');
  });

  it.each(['2025-04-01', '2018-06-29', '2024-02-30', '2024-12-31T00:00', '31/12/2024', 'yesterday'])(
    'refuses %j with exit code 2, naming the allowed range, before generating anything (even with --if-missing)',
    async (date) => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-asat-cli-'));
      dirs.push(dataDir);
      for (const extra of [[], ['--if-missing']]) {
        const io = captureIo();
        expect(await runCli(['generate', '--scale', '0.02', '--as-at', date, '--data', dataDir, ...extra], io)).toBe(2);
        expect(io.stderr).toBe(`--as-at must be a real date YYYY-MM-DD from 2018-06-30 to 2025-03-31 (got ${JSON.stringify(date)})\nSee 'pnpm pathfinder generate --help'.\n`);
        expect(io.stdout).toBe('');
      }
      expect(await readdir(dataDir)).toEqual([]);
    },
  );
});
