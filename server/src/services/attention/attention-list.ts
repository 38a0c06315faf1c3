import { SEVERITIES, type AttentionItem, type AttentionList, type attentionQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../../http/api-error.ts';
import { visibleArea, visibleLevelAreas } from '../area-access.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from '../service-context.ts';
import { statusScopeFor } from './status-scope.ts';
import { statusTable } from './status-table.ts';

/**
 * The caller's attention list: their scope's status table (`statusScopeFor`: an ICB's areas for its
 * `ics` token, London's for the region, the public table's boroughs, ICBs and London for everyone
 * else), filtered, most urgent first. Filters refuse what the other data routes refuse: an area or
 * level the caller may not see (401/403), an unknown area or parent (404).
 * @param releaseParam the `release` the request named, added to every item's link; null for the current release
 */
export async function attentionList(ctx: ServiceContext, req: ServiceInput<typeof attentionQuerySchema>, releaseParam: string | null): Promise<ServiceAnswer<AttentionList>> {
  const scope = statusScopeFor(ctx.caller);
  if (req.area !== undefined) visibleArea(ctx, req.area);
  if (req.areaType !== undefined) visibleLevelAreas(ctx, req.areaType, req.parent);
  else if (req.parent !== undefined && !ctx.release.areas.get(req.parent)) throw ApiError.notFound('area', req.parent);
  const table = await statusTable(ctx.release, scope);

  const matching = table.rows.filter(
    (r) =>
      (req.area === undefined || r.item.areaCode === req.area) &&
      (req.areaType === undefined || r.item.areaType === req.areaType) &&
      (req.domain === undefined || r.item.domain === req.domain) &&
      (req.parent === undefined || r.area.ancestors.includes(req.parent)),
  );
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as AttentionList['counts'];
  for (const r of matching) counts[r.item.severity]++;
  // One area's list is its signals summary table: every indicator, ok included; the list of many areas shows what needs attention.
  const shown = matching.filter((r) => (req.severity !== undefined ? r.item.severity === req.severity : req.area !== undefined || r.item.severity !== 'ok'));
  const items = shown.slice(0, req.limit).map((r) => withRelease(r.item, releaseParam));
  for (const item of items) ctx.returned?.(item.areaType);
  return {
    total: shown.length,
    counts,
    items,
    // The region reads exact counts; an ICB's benchmark (London) and the public's every count come from the public table.
    disclosure: scope.kind === 'region' ? 'none' : 'suppressed-and-rounded',
  };
}

/** The item's link, naming the release when the request named one (so the link opens the same data). */
function withRelease(item: AttentionItem, release: string | null): AttentionItem {
  if (release === null) return item;
  return { ...item, link: `${item.link}&release=${encodeURIComponent(release)}` };
}
