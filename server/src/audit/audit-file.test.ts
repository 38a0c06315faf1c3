import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditFile } from './audit-file.ts';
import type { AuditEntry } from './audit-log.ts';

const entry = (n: number): AuditEntry => ({ time: `2025-01-0${n}T00:00:00.000Z`, subject: 'local-ics', role: 'ics', icb: 'E54000029', method: 'GET', path: `/api/v1/areas?type=practice&n=${n}`, status: 200, release: 'r1', level: 'practice', extract: false });

describe('openAuditFile', () => {
  it('appends one JSON line per entry to a file only its owner can read, keeping earlier lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pf-audit-'));
    try {
      const file = path.join(dir, 'audit.log');
      const first = openAuditFile(file);
      first.write(entry(1));
      await first.close();
      const second = openAuditFile(file);
      second.write(entry(2));
      second.write(entry(3));
      await second.close();
      const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
      expect(lines).toEqual([entry(1), entry(2), entry(3)]);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails at once, naming AUDIT_LOG, when the file cannot be opened', () => {
    expect(() => openAuditFile('/nonexistent-dir/audit.log')).toThrow(/cannot open the audit log \/nonexistent-dir\/audit.log for appending \(AUDIT_LOG\)/);
  });
});
