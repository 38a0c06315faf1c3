import { queryOptions } from '@tanstack/react-query';
import type { AreaType, BoundaryAreaType, Domain, FunnelCentre, ProfileComparator } from '@pathfinder/metrics';
import { accessToken } from './access-token.ts';
import { retryUnlessRefused } from './api-problem.ts';
import { api, fetchJson } from './api-client.ts';
import { perRelease, releaseKey } from './release-key.ts';

// Hierarchical keys: every input of a fetch is in its key, the release that answers first and the
// caller's token scope last (the same URL answers differently for different roles).
const scope = () => accessToken.get() ?? 'public';

/** Factories of one release's indicator answers: `indicatorQueries(release).values(…)`. */
export const indicatorQueries = perRelease((release) => {
  const all = () => [...releaseKey(release), 'indicators'] as const;
  return {
    all,
    values: (id: string, filter: { areaType: AreaType; period: string; comparator: string; parent?: string | undefined; breakdown?: string | undefined }) =>
      queryOptions({
        queryKey: [...all(), 'values', id, filter, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.indicators[':id'].values.$get({ param: { id }, query: { ...filter, release } })),
      }),
    trend: (id: string, filter: { area: string; comparator: string }) =>
      queryOptions({
        queryKey: [...all(), 'trend', id, filter, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.indicators[':id'].trend.$get({ param: { id }, query: { ...filter, release } })),
      }),
    funnel: (id: string, filter: { parent: string; period: string; centre?: FunnelCentre | undefined }) =>
      queryOptions({
        queryKey: [...all(), 'funnel', id, filter, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.indicators[':id'].funnel.$get({ param: { id }, query: { areaType: 'practice', ...filter, release } })),
      }),
    inequality: (id: string, filter: { area: string; by: 'deprivation' | 'ethnicity' | 'sex'; period: string }) =>
      queryOptions({
        queryKey: [...all(), 'inequality', id, filter, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.indicators[':id'].inequality.$get({ param: { id }, query: { ...filter, release } })),
      }),
    /** The interrupted time series of every area of a level at one intervention (the first post-intervention period). */
    its: (id: string, filter: { areaType: AreaType; intervention: string }) =>
      queryOptions({
        queryKey: [...all(), 'its', id, filter, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.indicators[':id'].its.$get({ param: { id }, query: { ...filter, release } })),
      }),
    periods: (id: string) =>
      queryOptions({ queryKey: [...all(), 'periods', id] as const, queryFn: () => fetchJson(api.api.v1.periods.$get({ query: { indicator: id, release } })) }),
  };
});

export const areaQueries = perRelease((release) => ({
  /** Areas of a level, under `parent` when given (an ICS caller's PCNs and practices are its ICB's). */
  list: (type: AreaType, parent: string | undefined) =>
    queryOptions({
      queryKey: [...releaseKey(release), 'areas', 'list', type, parent ?? null, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.areas.$get({ query: { type, ...(parent ? { parent } : {}), release } })),
    }),
  profile: (code: string, comparator: ProfileComparator) =>
    queryOptions({
      queryKey: [...releaseKey(release), 'areas', 'profile', code, comparator, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.areas[':code'].profile.$get({ param: { code }, query: { comparator, release } })),
    }),
}));

/** Official boundaries of a level: the same for every release and caller. */
export const boundaryQueries = {
  level: (areaType: BoundaryAreaType) =>
    queryOptions({ queryKey: ['boundaries', areaType] as const, queryFn: () => fetchJson(api.api.v1.boundaries.$get({ query: { areaType } })), staleTime: Infinity }),
};

export const overviewQueries = perRelease((release) => ({
  matrix: (filter: { areaType: 'borough' | 'icb'; domain?: Domain | undefined; comparator: 'london' | 'england' }) =>
    queryOptions({
      queryKey: [...releaseKey(release), 'overview', filter, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.overview.$get({ query: { areaType: filter.areaType, comparator: filter.comparator, ...(filter.domain ? { domain: filter.domain } : {}), release } })),
    }),
}));

export const sessionQueries = {
  /** The caller as the API sees it; a refused token is an error (401 invalid_token), not a public session. */
  caller: () => queryOptions({ queryKey: ['session', scope()] as const, queryFn: () => fetchJson(api.api.v1.session.$get()), staleTime: Infinity, retry: retryUnlessRefused }),
};

export const releaseQueries = {
  /** Every release the server serves, with what each covers: the data-source switch's choices. */
  list: () => queryOptions({ queryKey: ['releases', 'list'] as const, queryFn: () => fetchJson(api.api.v1.releases.$get()), staleTime: 60_000 }),
  /** The SHA-256 of a release's manifest, which a report names to pin the release it was made from (a release never changes). */
  manifestDigest: (release: string) =>
    queryOptions({ queryKey: ['releases', release, 'manifest-digest'] as const, queryFn: () => fetchJson(api.api.v1['manifest-digest'].$get({ query: { release } })), staleTime: Infinity }),
};
