import type { ReleaseSummary } from '@pathfinder/metrics';
import { releaseOffer } from '../api/release-offer.ts';

/**
 * A view's search parameters for another release: `release` set, and what names something of the
 * old release dropped. Periods and campaign dates differ between releases, and a domain or
 * indicator the new release lacks would only open on a message; the rest (areas, comparator,
 * presentation) still means the same.
 * @example searchForRelease({ period: '2023/24 Q4', area: 'E09000012' }, published) // { area: 'E09000012', release: 'published-…' }
 */
export function searchForRelease(previous: Record<string, unknown>, release: ReleaseSummary): Record<string, unknown> {
  const offer = releaseOffer(release);
  const { period: _period, asOf: _asOf, ...kept } = previous;
  if (typeof kept.domain === 'string' && !offer.domains.some((d) => d === kept.domain)) delete kept.domain;
  if (typeof kept.indicator === 'string' && !offer.hasIndicator(kept.indicator)) delete kept.indicator;
  return { ...kept, release: release.id };
}
