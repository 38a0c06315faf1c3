import type { QueryClient } from '@tanstack/react-query';
import { INDICATORS, LONDON, findIndicator, type CampaignSearch, type IndicatorSearch, type InequalitiesSearch, type OverviewSearch, type PracticeSearch } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import { campaignQueries } from '../api/campaign-queries.ts';
import { sessionRefusal } from '../api/practice-access.ts';
import { areaQueries, indicatorQueries, overviewQueries, sessionQueries } from '../api/queries.ts';
import { mayAskDaily } from '../campaigns/sees-exact-campaign-counts.ts';
import { areaLevel, isLondonArea } from '../components/london-areas.ts';
import { PRACTICE_INDICATORS } from '../views/practice-indicators.ts';

// What each view asks for first, started as its route loads, alongside the view's code. The route
// loaders do not wait for it: a view shows its own placeholders and errors panel by panel, so a
// slow answer never holds a navigation. Each asks only for what the view itself would, so nothing
// is sent that the caller may not have (no request refused, no console error).

export function prefetchOverview(client: QueryClient, search: Pick<OverviewSearch, 'areaType' | 'domain' | 'comparator'>) {
  void client.prefetchQuery(overviewQueries.matrix(search));
}

export function prefetchIndicator(client: QueryClient, id: string, search: Pick<IndicatorSearch, 'areaType' | 'period' | 'comparator' | 'area'>) {
  const indicator = findIndicator(id);
  if (!indicator) return;
  const areaType = indicator.areaTypes.includes(search.areaType) ? search.areaType : 'borough';
  void client.prefetchQuery(indicatorQueries.values(id, { areaType, period: search.period, comparator: search.comparator }));
  void client.prefetchQuery(indicatorQueries.periods(id));
  void client.prefetchQuery(indicatorQueries.trend(id, { area: search.area ?? LONDON.code, comparator: search.comparator }));
}

export function prefetchAreaProfile(client: QueryClient, code: string) {
  if (isLondonArea(code)) void client.prefetchQuery(areaQueries.profile(code));
}

/** Practice figures only once the session says the caller may see this ICB's. */
export async function prefetchPractices(client: QueryClient, search: PracticeSearch) {
  await client.prefetchQuery(sessionQueries.caller());
  const session = client.getQueryData(sessionQueries.caller().queryKey);
  const indicator = PRACTICE_INDICATORS.find((i) => i.id === search.indicator);
  if (!session || !indicator || sessionRefusal(session, search.icb)) return;
  const { icb: parent, period } = search;
  void client.prefetchQuery({ ...indicatorQueries.funnel(indicator.id, { parent, period }), retry: retryUnlessRefused });
  void client.prefetchQuery({ ...indicatorQueries.values(indicator.id, { areaType: 'practice', parent, period, comparator: 'london' }), retry: retryUnlessRefused });
}

export function prefetchInequalities(client: QueryClient, { indicator: id, area, by, period }: InequalitiesSearch) {
  const indicator = INDICATORS.find((i) => i.id === id && i.breakdowns.includes(by));
  const level = areaLevel(area);
  if (!indicator || !level) return;
  void client.prefetchQuery({ ...indicatorQueries.inequality(id, { area, by, period }), retry: retryUnlessRefused });
  if (indicator.areaTypes.includes(level)) void client.prefetchQuery(indicatorQueries.values(id, { areaType: level, period, comparator: 'london' }));
}

/** Progress of a campaign the release has, at the interval the caller may ask for. */
export async function prefetchCampaign(client: QueryClient, id: string, search: Pick<CampaignSearch, 'areaType' | 'interval'>) {
  await Promise.all([client.prefetchQuery(campaignQueries.list()), client.prefetchQuery(sessionQueries.caller())]);
  if (!client.getQueryData(campaignQueries.list().queryKey)?.campaigns.some((c) => c.id === id)) return;
  const interval = mayAskDaily(client.getQueryData(sessionQueries.caller().queryKey)) ? search.interval : 'week';
  for (const areaType of [search.areaType, 'region'] as const) void client.prefetchQuery(campaignQueries.progress(id, { areaType, interval }));
}
