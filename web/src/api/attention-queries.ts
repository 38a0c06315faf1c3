import { queryOptions } from '@tanstack/react-query';
import { ATTENTION_FIRST_PAGE, type AreaType, type Domain, type Severity } from '@pathfinder/metrics';
import { accessToken } from './access-token.ts';
import { api, fetchJson } from './api-client.ts';
import { perRelease, releaseKey } from './release-key.ts';

// The caller's token scope is in every key: the same URL answers each role with its own areas.
const scope = () => accessToken.get() ?? 'public';

export interface AttentionFilter {
  readonly areaType?: AreaType | undefined;
  readonly domain?: Domain | undefined;
  readonly severity?: Severity | undefined;
  /** Only areas within this ICB (its boroughs, PCNs and practices). */
  readonly parent?: string | undefined;
}

/** Only the filters that are set: an absent filter means every value the caller may see. */
const given = ({ areaType, domain, severity, parent }: AttentionFilter) => ({ ...(areaType ? { areaType } : {}), ...(domain ? { domain } : {}), ...(severity ? { severity } : {}), ...(parent ? { parent } : {}) });

/** Factories of one release's attention answers: the ranked list, one area's every status, and what is new since the previous release. */
export const attentionQueries = perRelease((release) => {
  const all = () => [...releaseKey(release), 'attention'] as const;
  return {
    all,
    /** The `limit` most urgent items: the first page, then more as the user reads on. */
    list: (filter: AttentionFilter, limit = ATTENTION_FIRST_PAGE) =>
      queryOptions({
        queryKey: [...all(), 'list', given(filter), limit, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.attention.$get({ query: { ...given(filter), ...(limit === ATTENTION_FIRST_PAGE ? {} : { limit: String(limit) }), release } })),
      }),
    /** Every indicator's status in one area, `ok` included: the signals summary table. */
    area: (area: string) =>
      queryOptions({
        queryKey: [...all(), 'area', area, scope()] as const,
        queryFn: () => fetchJson(api.api.v1.attention.$get({ query: { area, limit: '5000', release } })),
      }),
    alerts: (filter: AttentionFilter) =>
      queryOptions({
        queryKey: [...all(), 'alerts', given(filter), scope()] as const,
        queryFn: () => fetchJson(api.api.v1.alerts.$get({ query: { ...given(filter), release } })),
      }),
  };
});
