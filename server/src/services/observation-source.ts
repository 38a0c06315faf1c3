import { ICBS, TABLES, icsObservationsTable } from '@pathfinder/metrics';
import type { Caller } from '../auth/caller.ts';

const ICB_CODES = new Set(ICBS.map((i) => i.code));

/**
 * The table of counts a caller's answers are computed from, so that nothing derived from an exact
 * count reaches a caller not entitled to it: `region` and `admin` read the exact observations, an
 * `ics` caller its ICB's view (own areas exact, the rest from the public table), everyone else the
 * release's public table (SECURITY.md "Disclosure control").
 */
export function observationSource(caller: Caller): string {
  if (caller.role === 'region' || caller.role === 'admin') return TABLES.observations;
  if (caller.role === 'ics' && caller.icb !== null && ICB_CODES.has(caller.icb)) return icsObservationsTable(caller.icb);
  return TABLES.publicObservations;
}
