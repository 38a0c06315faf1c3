import type { ReleaseManifest } from '@pathfinder/metrics';

type Dated = Pick<ReleaseManifest, 'id' | 'kind' | 'dataAsAt' | 'createdAt'>;

/**
 * The release a release's alerts compare with: the newest other release of the same kind whose data
 * run to an earlier date (on the same date, that was created earlier). Null when there is none: a
 * first release has nothing new to report.
 */
export function previousRelease<M extends Dated>(current: Dated, releases: readonly M[]): M | null {
  let best: M | null = null;
  for (const m of releases) {
    if (m.id === current.id || m.kind !== current.kind || !isEarlier(m, current)) continue;
    if (best === null || isEarlier(best, m)) best = m;
  }
  return best;
}

const isEarlier = (a: Dated, b: Dated) => a.dataAsAt < b.dataAsAt || (a.dataAsAt === b.dataAsAt && a.createdAt < b.createdAt);
