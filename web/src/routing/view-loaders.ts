import type { QueryClient } from '@tanstack/react-query';
import { LONDON, findIndicator, type AreaProfileSearch, type AttentionSearch, type CampaignSearch, type IndicatorSearch, type InequalitiesSearch, type OverviewSearch, type PracticeSearch } from '@pathfinder/metrics';
import { accessToken } from '../api/access-token.ts';
import { retryUnlessRefused } from '../api/api-problem.ts';
import { attentionQueries } from '../api/attention-queries.ts';
import { campaignQueries } from '../api/campaign-queries.ts';
import { attentionFilter } from '../attention/attention-scope.ts';
import { sessionRefusal } from '../api/practice-access.ts';
import { areaQueries, indicatorQueries, overviewQueries, releaseQueries, sessionQueries } from '../api/queries.ts';
import { releaseOffer, resolveRelease, type ReleaseOffer } from '../api/release-offer.ts';
import { mayAskDaily } from '../campaigns/sees-exact-campaign-counts.ts';
import { areaLevel, isLondonArea } from '../components/london-areas.ts';
import { profileComparator } from '../components/profile-comparator.ts';
import { PRACTICE_INDICATORS } from '../views/practice-indicators.ts';
import { practicesIcb, shownArea } from './chosen-icb.ts';
import { funnelCentreOf, practiceCentre } from '../views/practice-centre.ts';

// What each view asks for first, started as its route loads, alongside the view's code. The route
// loaders do not wait for it: a view shows its own placeholders and errors panel by panel, so a
// slow answer never holds a navigation. Each asks only for what the view itself would, of the
// release the view shows and only what that release has, so nothing is sent that the caller may
// not have or the release cannot answer (no request refused, no console error).

/** The release a view shows (the URL's `release`, or the current one) with what it offers; null when the server does not serve it. */
async function chosenRelease(client: QueryClient, choice: string | undefined): Promise<{ id: string; offer: ReleaseOffer } | null> {
  // prefetchQuery never throws: a failed list is the view's to show (ReleaseGate), not an unhandled rejection here.
  await client.prefetchQuery(releaseQueries.list());
  const list = client.getQueryData(releaseQueries.list().queryKey);
  const release = list ? resolveRelease(list.releases, choice) : null;
  return release && { id: release.id, offer: releaseOffer(release) };
}

export async function prefetchOverview(client: QueryClient, { release: choice, ...search }: Pick<OverviewSearch, 'areaType' | 'domain' | 'comparator'> & { release?: string | undefined }) {
  const release = await chosenRelease(client, choice);
  if (release?.offer.domains.includes(search.domain)) void client.prefetchQuery(overviewQueries(release.id).matrix(search));
}

export async function prefetchIndicator(client: QueryClient, id: string, { release: choice, ...search }: Pick<IndicatorSearch, 'areaType' | 'period' | 'comparator' | 'area'> & { release?: string | undefined }) {
  const indicator = findIndicator(id);
  const release = await chosenRelease(client, choice);
  if (!indicator || !release?.offer.hasIndicator(id)) return;
  const queries = indicatorQueries(release.id);
  const areaType = indicator.areaTypes.includes(search.areaType) && release.offer.hasAreaType(search.areaType) ? search.areaType : 'borough';
  void client.prefetchQuery(queries.values(id, { areaType, period: search.period, comparator: search.comparator }));
  void client.prefetchQuery(queries.periods(id));
  // A practice's or PCN's trend (an attention link's area) only with a token; the page says why otherwise.
  const area = search.area ?? LONDON.code;
  if (isLondonArea(area) || accessToken.get() !== null) void client.prefetchQuery(queries.trend(id, { area, comparator: search.comparator }));
}

/** The attention list (or what is new) with the filters the caller may use, once the session says which. */
export async function prefetchAttention(client: QueryClient, { release: choice, ...search }: Pick<AttentionSearch, 'domain' | 'areaType' | 'severity' | 'new' | 'icb'> & { release?: string | undefined }) {
  const [release] = await Promise.all([chosenRelease(client, choice), client.prefetchQuery(sessionQueries.caller())]);
  const session = client.getQueryData(sessionQueries.caller().queryKey);
  if (!release || !session) return;
  const queries = attentionQueries(release.id);
  const filter = attentionFilter(session, release.offer, search);
  if (search.new === 'true') void client.prefetchQuery(queries.alerts(filter));
  else void client.prefetchQuery(queries.list(filter));
}

export async function prefetchAreaProfile(client: QueryClient, code: string, { release: choice, comparator }: AreaProfileSearch & { release?: string | undefined }) {
  const release = await chosenRelease(client, choice);
  if (release && isLondonArea(code)) void client.prefetchQuery(areaQueries(release.id).profile(code, profileComparator(code, comparator)));
}

/** Practice figures only once the session says the caller may see this ICB's, and only of a release that has practices. */
export async function prefetchPractices(client: QueryClient, { release: choice, ...search }: PracticeSearch & { release?: string | undefined }) {
  const [release] = await Promise.all([chosenRelease(client, choice), client.prefetchQuery(sessionQueries.caller())]);
  const session = client.getQueryData(sessionQueries.caller().queryKey);
  const indicator = PRACTICE_INDICATORS.find((i) => i.id === search.indicator);
  if (!release?.offer.practices || !release.offer.hasIndicator(search.indicator) || !session || !indicator) return;
  const parent = practicesIcb(search.icb, session);
  if (sessionRefusal(session, parent)) return;
  const { period } = search;
  const centre = practiceCentre(indicator, search.centre);
  const queries = indicatorQueries(release.id);
  void client.prefetchQuery({ ...queries.funnel(indicator.id, { parent, period, centre: funnelCentreOf(centre) }), retry: retryUnlessRefused });
  void client.prefetchQuery({ ...queries.values(indicator.id, { areaType: 'practice', parent, period, comparator: 'london' }), retry: retryUnlessRefused });
}

export async function prefetchInequalities(client: QueryClient, { release: choice, indicator: id, by, period, ...search }: InequalitiesSearch & { release?: string | undefined }) {
  const indicator = findIndicator(id);
  const area = shownArea(search);
  const level = areaLevel(area);
  const release = await chosenRelease(client, choice);
  if (!indicator?.breakdowns.includes(by) || !level || !release?.offer.hasIndicator(id) || !release.offer.hasBreakdown(by)) return;
  const queries = indicatorQueries(release.id);
  void client.prefetchQuery({ ...queries.inequality(id, { area, by, period }), retry: retryUnlessRefused });
  if (indicator.areaTypes.includes(level)) void client.prefetchQuery(queries.values(id, { areaType: level, period, comparator: 'london' }));
}

/** Progress of a campaign the release has, at the interval the caller may ask for. */
export async function prefetchCampaign(client: QueryClient, id: string, { release: choice, ...search }: Pick<CampaignSearch, 'areaType' | 'interval'> & { release?: string | undefined }) {
  const release = await chosenRelease(client, choice);
  if (!release?.offer.events) return;
  const queries = campaignQueries(release.id);
  await Promise.all([client.prefetchQuery(queries.list()), client.prefetchQuery(sessionQueries.caller())]);
  if (!client.getQueryData(queries.list().queryKey)?.campaigns.some((c) => c.id === id)) return;
  const interval = mayAskDaily(client.getQueryData(sessionQueries.caller().queryKey)) ? search.interval : 'week';
  for (const areaType of [search.areaType, 'region'] as const) void client.prefetchQuery(queries.progress(id, { areaType, interval }));
}
