import { DOMAINS, INDICATORS, RELEASE_LAYOUT, type ReleaseManifest, type ReleaseSummary } from '@pathfinder/metrics';
import type { DataStore } from '../store/data-store.ts';

const DOMAIN_OF = new Map(INDICATORS.map((i) => [i.id, i.domain]));

/**
 * Every release the store can serve, as `GET /releases` lists them: the one answering requests
 * without `release` first (what a client shows by default), then the others newest first.
 */
export async function releaseSummaries(store: DataStore): Promise<ReleaseSummary[]> {
  const current = store.current().manifest;
  const listed = store.releases ? await store.releases() : [];
  return [current, ...listed.filter((m) => m.id !== current.id)].map((m) => releaseSummary(m, m.id === current.id));
}

/** What a release holds, from its manifest: the domains are those of its indicators in the catalogue. */
function releaseSummary(m: ReleaseManifest, current: boolean): ReleaseSummary {
  const domains = new Set(m.coverage.indicators.map((id) => DOMAIN_OF.get(id)));
  return {
    id: m.id,
    kind: m.kind,
    synthetic: m.synthetic,
    current,
    createdAt: m.createdAt,
    dataAsAt: m.dataAsAt,
    sources: m.sources,
    disclosure: m.disclosure ? { policy: m.disclosure.policy } : null,
    coverage: { indicators: m.coverage.indicators, domains: DOMAINS.filter((d) => domains.has(d)), firstPeriod: m.coverage.firstPeriod, lastPeriod: m.coverage.lastPeriod },
    hasEvents: m.files.some((f) => f.path === RELEASE_LAYOUT.doses),
  };
}
