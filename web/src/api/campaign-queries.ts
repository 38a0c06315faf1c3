import { queryOptions } from '@tanstack/react-query';
import type { CampaignBreakdown, EventAreaLevel } from '@pathfinder/metrics';
import { accessToken } from './access-token.ts';
import { api, fetchJson } from './api-client.ts';
import { perRelease, releaseKey } from './release-key.ts';

/** An outreach list: its level, one ICB or every area the caller sees, and the date. */
export interface CampaignOutreachFilter {
  readonly level: 'practice' | 'pcn' | 'borough';
  readonly icb?: string | undefined;
  readonly asOf?: string | undefined;
}

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

/** Query-key factories and fetchers for one release's campaigns; every fetch input is in the key. */
export const campaignQueries = perRelease((release) => {
  const all = () => [...releaseKey(release), 'campaigns'] as const;
  return {
    list: () => queryOptions({ queryKey: [...all(), 'list'] as const, queryFn: () => fetchJson(api.api.v1.campaigns.$get({ query: { release } })), staleTime: 60_000 }),
    progress: (id: string, filter: CampaignProgressFilter) =>
      queryOptions({
        queryKey: [...all(), 'progress', id, defined(filter), scope()] as const,
        queryFn: () => fetchJson(api.api.v1.campaigns[':id'].progress.$get({ param: { id }, query: { ...defined(filter), release } })),
      }),
    outreach: (id: string, filter: CampaignOutreachFilter) =>
      queryOptions({
        queryKey: [...all(), 'outreach', id, defined(filter), scope()] as const,
        queryFn: () => fetchJson(api.api.v1.campaigns[':id'].outreach.$get({ param: { id }, query: { ...defined(filter), release } })),
      }),
  };
});
