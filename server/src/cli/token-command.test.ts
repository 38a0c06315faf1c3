import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode } from 'hono/jwt';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';


let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-token-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('pathfinder token', () => {
  it('prints one token with the role, ICB and lifetime asked for', async () => {
    const io = captureIo();
    expect(await runCli(['token', '--role', 'ics', '--icb', 'E54000029', '--ttl', '30m', '--data', dataDir], io)).toBe(0);
    const token = io.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const { header, payload } = decode(token);
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ role: 'ics', icb: 'E54000029', sub: 'local-ics' });
    expect(payload.exp! - payload.iat!).toBe(1800);
    expect(io.stderr).toContain('ics token for E54000029, valid until');
  });

  it.each([
    [['--role', 'superuser'], '--role must be public, ics, region or admin (got "superuser")'],
    [['--role', 'ics'], '--role ics needs --icb, the ONS code of a London ICB: E54000027'],
    [['--role', 'ics', '--icb', 'E54000099'], '--icb must be the ONS code of a London ICB'],
    [['--role', 'region', '--icb', 'E54000029'], '--icb is only for --role ics'],
    [['--role', 'admin', '--ttl', '1y'], '--ttl must be a whole number followed by s, m, h or d, like 30m, 1h or 7d (got "1y")'],
    [['--role', 'admin', '--ttl', '90d'], '--ttl must be at most 30 days (got "90d")'],
    [['--role', 'admin', '--ttl', '0m'], '--ttl must be longer than 0'],
    [[], 'token needs --role'],
  ])('refuses %j with exit code 2, naming the problem', async (args, message) => {
    const io = captureIo();
    expect(await runCli(['token', ...args, '--data', dataDir], io)).toBe(2);
    expect(io.stderr).toContain(message);
    expect(io.stdout).toBe('');
  });

  it('refuses a data directory that does not exist', async () => {
    const io = captureIo();
    expect(await runCli(['token', '--role', 'admin', '--data', path.join(dataDir, 'nope')], io)).toBe(2);
    expect(io.stderr).toContain('does not exist');
  });
});
