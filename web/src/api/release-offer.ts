import { DOMAINS, INDICATORS, type AreaType, type Domain, type Indicator, type ReleaseSummary } from '@pathfinder/metrics';

type Breakdown = 'deprivation' | 'ethnicity' | 'sex';

/** What the dashboard may ask a release for: only what it has, so no view shows empty panels or asks what it cannot answer. */
export interface ReleaseOffer {
  readonly indicators: readonly Indicator[];
  readonly domains: readonly Domain[];
  hasIndicator(id: string): boolean;
  hasAreaType(type: AreaType): boolean;
  hasBreakdown(by: Breakdown): boolean;
  /** Event-level data: campaigns and Explore. */
  readonly events: boolean;
  /** Practice figures (the Practices view). */
  readonly practices: boolean;
}

const FINE_LEVELS: readonly AreaType[] = ['practice', 'pcn'];

/**
 * The catalogue indicators a release covers, and the areas, breakdowns and event data it has.
 * Without a stated list of area levels or breakdowns, practice levels and breakdowns go with event
 * data, the only source of them so far (the synthetic London).
 * @example releaseOffer(published).hasIndicator('imm-mmr1-24m') // true
 */
export function releaseOffer(release: ReleaseSummary): ReleaseOffer {
  const covered = new Set(release.coverage.indicators);
  const indicators = INDICATORS.filter((i) => covered.has(i.id));
  const { areaTypes, breakdowns } = release.coverage;
  const hasAreaType = (type: AreaType) => (areaTypes ? areaTypes.includes(type) : release.hasEvents || !FINE_LEVELS.includes(type));
  return {
    indicators,
    domains: DOMAINS.filter((d) => indicators.some((i) => i.domain === d)),
    hasIndicator: (id) => covered.has(id),
    hasAreaType,
    hasBreakdown: (by) => (breakdowns ? breakdowns.includes(by) : release.hasEvents),
    events: release.hasEvents,
    practices: hasAreaType('practice'),
  };
}

/** The release a `release` search parameter names, or the server's current one when it names none; null when it names one not served. */
export function resolveRelease(releases: readonly ReleaseSummary[], choice: string | undefined): ReleaseSummary | null {
  return (choice === undefined ? releases.find((r) => r.current) : releases.find((r) => r.id === choice)) ?? null;
}

/** The data-source switch's name for a release. */
export function releaseLabel(release: Pick<ReleaseSummary, 'id' | 'kind'>): string {
  if (release.kind === 'published') return 'Published figures (UKHSA COVER)';
  if (release.kind === 'synthetic') return 'Synthetic London (demo)';
  return `Imported: ${release.id}`;
}
