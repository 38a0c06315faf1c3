import { queryOptions } from '@tanstack/react-query';
import { accessToken } from './access-token.ts';
import { api, fetchJson } from './api-client.ts';

// Notes live beside the releases, not in one: the key has no release, and a write invalidates `['annotations']`.
const scope = () => accessToken.get() ?? 'public';

export const annotationQueries = {
  all: () => ['annotations'] as const,
  /** The notes the caller may read on an indicator (or campaign) at an area, oldest first. */
  list: (indicator: string, area: string) =>
    queryOptions({ queryKey: ['annotations', indicator, area, scope()] as const, queryFn: () => fetchJson(api.api.v1.annotations.$get({ query: { indicator, area } })) }),
};

/** Writes a note with the tab's token; the API answers the note as stored (or a problem naming the field). */
export const addAnnotation = (note: { indicatorId: string; areaCode: string; date: string; text: string; public: boolean }) => fetchJson(api.api.v1.annotations.$post({ json: note }));

/** Stores a permanent link to `view` (path and search) at `release`; the link is `/s/{id}`. */
export const makeSnapshot = (view: string, release: string) => fetchJson(api.api.v1.snapshots.$post({ json: { view, release } }));
