import { queryOptions } from '@tanstack/react-query';
import type { CampaignBreakdown, EventAreaLevel } from '@pathfinder/metrics';
import { accessToken } from './access-token.ts';
import { api, fetchJson } from './api-client.ts';

export interface CampaignProgressFilter {
  readonly areaType: EventAreaLevel;
  readonly interval: 'week' | 'day';
  readonly parent?: string | undefined;
  /** Last day counted; undefined: the latest the campaign and the data allow. */
  readonly asOf?: string | undefined;
  readonly breakdown?: CampaignBreakdown | undefined;
}

// The same URL answers differently for different roles, so the token scope is part of every key.
const scope = () => accessToken.get() ?? 'public';
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Query-key factories and fetchers for campaigns; every fetch input is in the key. */
export const campaignQueries = {
  all: () => ['campaigns'] as const,
  list: () => queryOptions({ queryKey: [...campaignQueries.all(), 'list'] as const, queryFn: () => fetchJson(api.api.v1.campaigns.$get({ query: {} })), staleTime: 60_000 }),
  progress: (id: string, filter: CampaignProgressFilter) =>
    queryOptions({
      queryKey: [...campaignQueries.all(), 'progress', id, defined(filter), scope()] as const,
      queryFn: () => fetchJson(api.api.v1.campaigns[':id'].progress.$get({ param: { id }, query: defined(filter) })),
    }),
};
