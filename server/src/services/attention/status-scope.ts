import { ICBS, type AttentionItem, type Indicator } from '@pathfinder/metrics';
import type { Caller } from '../../auth/caller.ts';
import type { DirectoryArea } from '../../store/area-directory.ts';

/**
 * Whose statuses a table holds, and so which counts they are computed from (SECURITY.md, disclosure
 * control): `region` the exact observations of every London area, practices included; `ics` its
 * ICB's view (its own areas exact, London and the rest from the public table) for the ICB, its
 * boroughs, PCNs and practices; `public` the public table, for London, the ICBs and the boroughs only.
 */
export type StatusScope = { readonly kind: 'region' } | { readonly kind: 'public' } | { readonly kind: 'ics'; readonly icb: string };

const ICB_CODES = new Set(ICBS.map((i) => i.code));

/** The scope of a caller's statuses: `admin` reads as `region`; an `ics` token without a known ICB as the public. */
export function statusScopeFor(caller: Pick<Caller, 'role' | 'icb'>): StatusScope {
  if (caller.role === 'region' || caller.role === 'admin') return { kind: 'region' };
  if (caller.role === 'ics' && caller.icb !== null && ICB_CODES.has(caller.icb)) return { kind: 'ics', icb: caller.icb };
  return { kind: 'public' };
}

/** A scope as a stable string, for memo and cache keys. */
export const statusScopeKey = (scope: StatusScope): string => (scope.kind === 'ics' ? `ics:${scope.icb}` : scope.kind);

/**
 * One area × indicator's status at its latest period, as the attention list serves it (`item`, whose
 * `link` names no release: the route adds `release=` when the request named one), with what filters need.
 */
export interface StatusRow {
  readonly item: AttentionItem;
  readonly area: DirectoryArea;
  /** The catalogue indicator; null for a campaign item. */
  readonly indicator: Indicator | null;
}

/** Every status of one release for one scope, ranked: severity (act first), then people affected (denominator, most first), then area and indicator code. */
export interface StatusTable {
  readonly releaseId: string;
  readonly scope: StatusScope;
  readonly rows: readonly StatusRow[];
  /** Milliseconds the build took (for the log and the bench). */
  readonly buildMs: number;
}
