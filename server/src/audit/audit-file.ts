import { createWriteStream, openSync } from 'node:fs';
import type { AuditEntry } from './audit-log.ts';

/** An append-only JSON-lines audit file. */
export interface AuditFile {
  write(entry: AuditEntry): void;
  /** Flushes what is buffered and closes the file. */
  close(): Promise<void>;
}

/**
 * Opens `file` for appending (O_APPEND, created with mode 0600), one JSON object per line. The file
 * is opened at once, so a path that cannot be written stops the server at start; a later write
 * failure is reported on stderr.
 */
export function openAuditFile(file: string): AuditFile {
  let fd: number;
  try {
    fd = openSync(file, 'a', 0o600);
  } catch (error) {
    throw new Error(`cannot open the audit log ${file} for appending (AUDIT_LOG): ${(error as Error).message}`);
  }
  const stream = createWriteStream(file, { fd });
  stream.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'audit log write failed', file, error: String(error) })));
  return {
    write: (entry) => void stream.write(`${JSON.stringify(entry)}\n`),
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}
