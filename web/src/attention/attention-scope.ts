import { ICBS, type AreaType, type AttentionSearch, type Icb, type Session } from '@pathfinder/metrics';
import type { AttentionFilter } from '../api/attention-queries.ts';
import type { ReleaseOffer } from '../api/release-offer.ts';

/** The levels the attention list offers, broadest first; England is a benchmark, never an item. */
const LEVELS: readonly AreaType[] = ['region', 'icb', 'borough', 'pcn', 'practice'];

/** The area levels this caller may filter by: only those its session grants, so the view never asks for a level it would be refused. */
export const attentionLevels = (session: Pick<Session, 'role' | 'areaTypes'>): AreaType[] =>
  // An ICS lead's statuses are its ICB's own areas; London is the region's and the public's.
  LEVELS.filter((l) => session.areaTypes.includes(l) && !(l === 'region' && session.role === 'ics'));

/** The level to ask for: the URL's when the caller may see it, otherwise every level (undefined). */
export const permittedLevel = (session: Pick<Session, 'role' | 'areaTypes'>, wanted: AreaType | undefined): AreaType | undefined =>
  wanted && attentionLevels(session).includes(wanted) ? wanted : undefined;

/** Whose areas the list covers, in words: "North East London ICB, its boroughs, primary care networks and GP practices". */
export function scopeDescription(session: Pick<Session, 'role' | 'icb' | 'areaTypes'>, chosenIcb?: string): string {
  const chosen = session.role === 'ics' ? undefined : ICBS.find((i) => i.code === chosenIcb);
  if (chosen) return `the boroughs${session.areaTypes.includes('practice') ? ', primary care networks and GP practices' : ''} of ${chosen.shortName} ICB`;
  if (session.role === 'ics') {
    const icb = ICBS.find((i) => i.code === session.icb);
    return icb ? `${icb.shortName} ICB, its boroughs, primary care networks and GP practices` : 'London, its ICBs and its boroughs';
  }
  if (session.areaTypes.includes('practice')) return 'London, its ICBs, boroughs, primary care networks and GP practices';
  return 'London, its ICBs and its boroughs';
}

/** The ICBs whose practices the caller may see: its own for an ics token, all five for the region, none for the public. */
export function practiceIcbs(session: Pick<Session, 'role' | 'icb' | 'areaTypes'>): Icb[] {
  if (!session.areaTypes.includes('practice')) return [];
  return session.role === 'ics' ? ICBS.filter((i) => i.code === session.icb) : [...ICBS];
}

/**
 * The filters to ask GET /attention (or /alerts) for: the URL's, less any level or domain the caller
 * or the release cannot answer. The chosen ICB narrows the list to its areas, except for an ICS lead,
 * whose list is its own ICB's already (and who may ask for no other).
 */
export function attentionFilter(session: Pick<Session, 'role' | 'areaTypes'>, offer: Pick<ReleaseOffer, 'domains' | 'hasAreaType'>, search: Pick<AttentionSearch, 'areaType' | 'domain' | 'severity' | 'icb'>): AttentionFilter {
  const areaType = permittedLevel(session, search.areaType);
  return {
    areaType: areaType && offer.hasAreaType(areaType) ? areaType : undefined,
    domain: search.domain && offer.domains.includes(search.domain) ? search.domain : undefined,
    severity: search.severity,
    parent: session.role === 'ics' ? undefined : search.icb,
  };
}
