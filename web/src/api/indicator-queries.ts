import { queryOptions } from '@tanstack/react-query';
import type { AreaType } from '@pathfinder/metrics';
import { api, fetchJson } from './api-client.ts';

export interface ValuesFilter {
  readonly areaType: AreaType;
  readonly period: string;
}

/** Query-key factories and fetchers for indicator resources; every fetch input is in the key. */
export const indicatorQueries = {
  all: () => ['indicators'] as const,
  list: () => queryOptions({ queryKey: [...indicatorQueries.all(), 'list'] as const, queryFn: () => fetchJson(api.api.v1.indicators.$get()) }),
  values: (id: string, filter: ValuesFilter) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'values', id, filter] as const,
      queryFn: () => fetchJson(api.api.v1.indicators[':id'].values.$get({ param: { id }, query: { areaType: filter.areaType, period: filter.period } })),
    }),
};
