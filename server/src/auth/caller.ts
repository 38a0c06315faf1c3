import { isMergedForPublic } from '@pathfinder/metrics';
import type { DirectoryArea } from '../store/area-directory.ts';

export const ROLES = ['public', 'ics', 'region', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, from verified token claims only; no token means `public`. */
export interface Caller {
  readonly role: Role;
  /** ICB (ONS code) an `ics` caller belongs to. */
  readonly icb: string | null;
  readonly subject: string | null;
}

export const PUBLIC_CALLER: Caller = Object.freeze({ role: 'public', icb: null, subject: null });

const AGGREGATE_LEVELS = new Set(['england', 'region', 'icb', 'borough']);

/**
 * Deny by default: aggregates for everyone; practice and PCN rows only for their ICB's `ics`
 * callers, `region` and `admin`. An area the public sees merged into another (the City of London,
 * whose figures are one practice's) is practice-level: only for callers who may see it unrounded.
 */
export function canSeeArea(caller: Caller, area: Pick<DirectoryArea, 'type' | 'icbCode' | 'code'>): boolean {
  if (isMergedForPublic(area.code)) return seesUnrounded(caller, area);
  if (AGGREGATE_LEVELS.has(area.type)) return true;
  if (caller.role === 'region' || caller.role === 'admin') return true;
  return caller.role === 'ics' && caller.icb !== null && area.icbCode === caller.icb;
}

/** Whether counts for this area may be shown unrounded to this caller (otherwise disclosure control applies). */
export function seesUnrounded(caller: Caller, area: Pick<DirectoryArea, 'type' | 'icbCode'>): boolean {
  if (caller.role === 'region' || caller.role === 'admin') return true;
  return caller.role === 'ics' && caller.icb !== null && area.icbCode === caller.icb && area.type !== 'england' && area.type !== 'region';
}
