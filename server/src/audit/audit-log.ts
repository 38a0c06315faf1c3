import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AuditLevel } from './audit-level.ts';

/** A write of user data (an annotation written or deleted): what, which record, on which area. */
export interface AuditedWrite {
  readonly action: 'annotation.create' | 'annotation.delete';
  readonly id: string;
  readonly area: string;
}

/** One line of the audit log: who received practice- or PCN-level data, or an extract, or wrote user data, and which. */
export interface AuditEntry extends Partial<AuditedWrite> {
  readonly time: string;
  readonly subject: string | null;
  readonly role: string;
  readonly icb: string | null;
  readonly method: string;
  /** Path and query string as requested. */
  readonly path: string;
  readonly status: number;
  readonly release: string;
  readonly level: AuditLevel | null;
  /** The answer was a download (CSV or a Parquet extract). */
  readonly extract: boolean;
}

/**
 * Records each successful answer that carried practice- or PCN-level rows (routes and services set
 * `auditLevel`) or was a download (Content-Disposition: attachment, as CSV answers and Parquet
 * extracts are), and each write of user data (routes set `auditWrite`). Errors and 304s returned
 * no data and changed nothing, and are not recorded.
 */
export function auditLog(write: (entry: AuditEntry) => void, now: () => Date = () => new Date()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const level = c.var.auditLevel ?? null;
    const extract = c.res.headers.get('Content-Disposition')?.startsWith('attachment') ?? false;
    const written = c.var.auditWrite;
    if ((level === null && !extract && written === undefined) || c.res.status < 200 || c.res.status >= 300) return;
    const caller = c.var.caller;
    write({
      time: now().toISOString(),
      subject: caller.subject,
      role: caller.role,
      icb: caller.icb,
      method: c.req.method,
      path: c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2)),
      status: c.res.status,
      release: c.var.release.manifest.id,
      level,
      extract,
      ...written,
    });
  };
}
