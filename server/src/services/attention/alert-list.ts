import type { AlertList, AlertsQuery, alertsQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../../http/api-error.ts';
import { visibleLevelAreas } from '../area-access.ts';
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
  // The same refusals as GET /attention: a level the caller may not see (401/403), an unknown parent (404).
  if (query.areaType !== undefined) visibleLevelAreas(ctx, query.areaType, query.parent);
  else if (query.parent !== undefined && !ctx.release.areas.get(query.parent)) throw ApiError.notFound('area', query.parent);
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
    // As GET /attention says: the region reads exact counts; an ICB's benchmark and the public's every count come from the public table.
    disclosure: statusScopeFor(ctx.caller).kind === 'region' ? 'none' : 'suppressed-and-rounded',
  };
}

/** Whether an alert passes the query's filters (also what a subscription's domains and severity select). */
function matches(row: AlertRow, query: Pick<AlertsQuery, 'areaType' | 'domain' | 'severity' | 'parent'>): boolean {
  const { item, area } = row;
  if (query.areaType !== undefined && item.areaType !== query.areaType) return false;
  if (query.domain !== undefined && item.domain !== query.domain) return false;
  if (query.severity !== undefined && alertSeverity(item) !== query.severity) return false;
  return query.parent === undefined || area.ancestors.includes(query.parent);
}
