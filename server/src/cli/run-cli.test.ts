import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';


describe('pathfinder CLI', () => {
  it('names the commands on stderr and exits 2 without a command', async () => {
    const io = captureIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.stderr).toBe("pathfinder needs a command: serve, generate, publish-open-data, import, release, token, report or compute\nSee 'pnpm pathfinder --help'.\n");
    expect(io.stdout).toBe('');
  });

  it('rejects an unknown command with exit code 2', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toContain('unknown command "frobnicate"');
  });

  it('rejects an unknown flag and a bad scale with exit code 2, naming them', async () => {
    const io = captureIo();
    expect(await runCli(['generate', '--colour', 'red'], io)).toBe(2);
    expect(io.stderr).toMatch(/--colour/);
    expect(await runCli(['generate', '--scale', '7'], io)).toBe(2);
    expect(io.stderr).toContain('--scale must be a number > 0 and ≤ 4 (got "7")');
  });

  it('generates a release once and skips it with --if-missing', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-cli-'));
    try {
      const io = captureIo();
      expect(await runCli(['generate', '--seed', '3', '--scale', '0.02', '--data', dataDir], io)).toBe(0);
      expect(io.stdout).toMatch(/published synthetic release synthetic-s3-x0_02-v\d+/);
      expect(await runCli(['generate', '--if-missing', '--data', dataDir], io)).toBe(0);
      expect(io.stdout).toMatch(/is current in .*; nothing to generate/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
