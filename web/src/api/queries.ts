import { queryOptions } from '@tanstack/react-query';
import type { AreaType, BoundaryAreaType, Domain } from '@pathfinder/metrics';
import { accessToken } from './access-token.ts';
import { retryUnlessRefused } from './api-problem.ts';
import { api, fetchJson } from './api-client.ts';

// Hierarchical keys: every input of a fetch is in its key, and the caller's token scope too
// (the same URL answers differently for different roles).
const scope = () => accessToken.get() ?? 'public';

export const indicatorQueries = {
  all: () => ['indicators'] as const,
  list: () => queryOptions({ queryKey: [...indicatorQueries.all(), 'list'] as const, queryFn: () => fetchJson(api.api.v1.indicators.$get({ query: {} })), staleTime: Infinity }),
  values: (id: string, filter: { areaType: AreaType; period: string; comparator: string; parent?: string | undefined; breakdown?: string | undefined }) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'values', id, filter, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.indicators[':id'].values.$get({ param: { id }, query: { ...filter } })),
    }),
  trend: (id: string, filter: { area: string; comparator: string }) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'trend', id, filter, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.indicators[':id'].trend.$get({ param: { id }, query: filter })),
    }),
  funnel: (id: string, filter: { parent: string; period: string }) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'funnel', id, filter, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.indicators[':id'].funnel.$get({ param: { id }, query: { areaType: 'practice', ...filter } })),
    }),
  inequality: (id: string, filter: { area: string; by: 'deprivation' | 'ethnicity' | 'sex'; period: string }) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'inequality', id, filter, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.indicators[':id'].inequality.$get({ param: { id }, query: filter })),
    }),
  periods: (id: string) =>
    queryOptions({ queryKey: [...indicatorQueries.all(), 'periods', id] as const, queryFn: () => fetchJson(api.api.v1.periods.$get({ query: { indicator: id } })) }),
};

export const areaQueries = {
  all: () => ['areas'] as const,
  list: (type: AreaType, parent?: string) =>
    queryOptions({ queryKey: [...areaQueries.all(), 'list', type, parent ?? null, scope()] as const, queryFn: () => fetchJson(api.api.v1.areas.$get({ query: { type, ...(parent ? { parent } : {}) } })) }),
  /** Official boundaries of a level (the same for every release and caller). */
  boundaries: (areaType: BoundaryAreaType) =>
    queryOptions({ queryKey: [...areaQueries.all(), 'boundaries', areaType] as const, queryFn: () => fetchJson(api.api.v1.boundaries.$get({ query: { areaType } })), staleTime: Infinity }),
  profile: (code: string) =>
    queryOptions({ queryKey: [...areaQueries.all(), 'profile', code, scope()] as const, queryFn: () => fetchJson(api.api.v1.areas[':code'].profile.$get({ param: { code }, query: {} })) }),
};

export const overviewQueries = {
  matrix: (filter: { areaType: 'borough' | 'icb'; domain?: Domain | undefined; comparator: 'london' | 'england' }) =>
    queryOptions({
      queryKey: ['overview', filter, scope()] as const,
      queryFn: () => fetchJson(api.api.v1.overview.$get({ query: { areaType: filter.areaType, comparator: filter.comparator, ...(filter.domain ? { domain: filter.domain } : {}) } })),
    }),
};

export const sessionQueries = {
  /** The caller as the API sees it; a refused token is an error (401 invalid_token), not a public session. */
  caller: () => queryOptions({ queryKey: ['session', scope()] as const, queryFn: () => fetchJson(api.api.v1.session.$get()), staleTime: Infinity, retry: retryUnlessRefused }),
};

export const releaseQueries = {
  current: () => queryOptions({ queryKey: ['releases', 'current'] as const, queryFn: () => fetchJson(api.api.v1.releases.current.$get()), staleTime: 60_000 }),
};
