import type { AlertList, AlertsQuery, alertsQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../../http/api-error.ts';
import type { DataStore } from '../../store/data-store.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from '../service-context.ts';
import { alertSeverity, itemLink, type AlertRow } from './alerts-between.ts';
import { releaseAlerts, type StatusTables } from './release-alerts.ts';
import { statusScopeFor } from './status-scope.ts';

/**
 * `GET /alerts`: what is new in the request's release for the caller's scope, filtered and cut to
 * `limit` (most urgent first). Links of current items follow the data unless the request named a
 * release (`pinned`); a resolved item's link always names the release it was seen in.
 */
export async function alertList(ctx: ServiceContext, store: DataStore, tables: StatusTables, query: ServiceInput<typeof alertsQuerySchema>, pinned: string | null): Promise<ServiceAnswer<AlertList>> {
  if (query.parent !== undefined && !ctx.release.areas.get(query.parent)) throw ApiError.notFound('area', query.parent);
  const { since, rows } = await releaseAlerts(store, tables, ctx.release, ctx.caller, query.since);
  const matching = rows.filter((row) => matches(row, query));
  const items = matching.slice(0, query.limit).map(({ item, area }) => {
    ctx.returned?.(area.type);
    return item.change === 'resolved' || pinned === null ? item : { ...item, link: itemLink(item, pinned) };
  });
  return {
    since: since && { releaseId: since.id, dataAsAt: since.dataAsAt },
    total: matching.length,
    items,
    disclosure: statusScopeFor(ctx.caller).kind === 'public' ? 'suppressed-and-rounded' : 'none',
  };
}

/** Whether an alert passes the query's filters (also what a subscription's domains and severity select). */
export function matches(row: AlertRow, query: Pick<AlertsQuery, 'areaType' | 'domain' | 'severity' | 'parent'>): boolean {
  const { item, area } = row;
  if (query.areaType !== undefined && item.areaType !== query.areaType) return false;
  if (query.domain !== undefined && item.domain !== query.domain) return false;
  if (query.severity !== undefined && alertSeverity(item) !== query.severity) return false;
  return query.parent === undefined || area.ancestors.includes(query.parent);
}
