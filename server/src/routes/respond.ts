import type { Context } from 'hono';
import type { AreaType, ReleaseManifest, ReleaseMeta } from '@pathfinder/metrics';
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

/** The meta block of an answer; `applied` is what the service read (`disclosedAs` says how to call it). */
export function releaseMeta(c: Context<AppEnv>, applied: ReleaseMeta['disclosure'] = 'none'): ReleaseMeta {
  const m = c.var.release.manifest;
  return { releaseId: m.id, kind: m.kind, synthetic: m.synthetic, dataAsAt: m.dataAsAt, sources: m.sources, disclosure: disclosedAs(m, applied) };
}

/**
 * What an answer says of its counts. Services say `suppressed-and-rounded` when they read the
 * public table; in a release of open data (disclosure policy `published-open-data`) that table holds
 * the counts as their publisher released them, with nothing suppressed or rounded again, so the
 * answer says `as-published`. Decided here once, for every answer and download.
 */
export function disclosedAs(manifest: ReleaseManifest, applied: ReleaseMeta['disclosure']): ReleaseMeta['disclosure'] {
  return applied === 'suppressed-and-rounded' && manifest.disclosure?.policy === 'published-open-data' ? 'as-published' : applied;
}

/** An answer as a CSV download: file name (without .csv), rows, and columns that lead every row (which indicator, area, period). */
export interface CsvTable {
  readonly name: string;
  readonly rows: readonly Record<string, unknown>[];
  readonly leading?: Record<string, string | number | null>;
}

/**
 * The one way a data route answers: the service's answer as JSON with the release meta, or with
 * `format=csv` as the table `csv` makes of it.
 */
export function answer<A extends { readonly disclosure: ReleaseMeta['disclosure'] }>(c: Context<AppEnv>, format: 'json' | 'csv', result: A, csv: (body: Omit<A, 'disclosure'>) => CsvTable) {
  const { disclosure, ...body } = result;
  if (format === 'csv') return csvResponse(c, csv(body));
  return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
}

/** A CSV answer (Fingertips-style columns), with the release and the synthetic flag in leading columns. */
export function csvResponse(c: Context<AppEnv>, { name, rows, leading = {} }: CsvTable): Response {
  const m = c.var.release.manifest;
  const body = toCsv(rows, { ...leading, 'Release': m.id, 'Synthetic data': m.synthetic ? 'yes' : 'no' });
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
}
