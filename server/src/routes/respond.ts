import type { Context } from 'hono';
import type { AreaType, ReleaseMeta } from '@pathfinder/metrics';
import type { AppEnv } from '../app-env.ts';
import { finerAuditLevel } from '../audit/audit-level.ts';
import { toCsv } from '../http/csv-response.ts';
import type { ServiceContext } from '../services/service-context.ts';

/** The release and caller of this request, as services take them; area levels they return reach the audit log. */
export const serviceContext = (c: Context<AppEnv>): ServiceContext => ({ release: c.var.release, caller: c.var.caller, returned: (type) => noteReturned(c, type) });

/** Records that the answer carries data of areas of `type` (practice and PCN answers are audited). */
export function noteReturned(c: Context<AppEnv>, type: AreaType): void {
  const level = finerAuditLevel(c.var.auditLevel, type);
  if (level !== c.var.auditLevel) c.set('auditLevel', level);
}

/** The meta block of an answer. */
export function releaseMeta(c: Context<AppEnv>, disclosure: ReleaseMeta['disclosure'] = 'none'): ReleaseMeta {
  const m = c.var.release.manifest;
  return { releaseId: m.id, synthetic: m.synthetic, dataAsAt: m.dataAsAt, disclosure };
}

/**
 * The same answer as CSV (Fingertips-style columns), with release and synthetic flag in leading
 * columns. Typed `never` so a route's declared (JSON) answer stays the one type the client sees.
 */
export function csvResponse(c: Context<AppEnv>, name: string, rows: readonly Record<string, unknown>[], extra: Record<string, string | number | null> = {}): never {
  const m = c.var.release.manifest;
  const body = toCsv(rows, { ...extra, 'Release': m.id, 'Synthetic data': m.synthetic ? 'yes' : 'no' });
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` }) as never;
}
