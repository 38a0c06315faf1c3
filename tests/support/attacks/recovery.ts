/**
 * What an attacker knows about one count, and when that knowledge is a disclosure.
 *
 * SECURITY: the public may see a count below England only as 0, as a multiple of 5 from 10 up
 * (the truth within ±2 of it), or hidden (null: primary suppression hides 1–7, complementary
 * suppression may hide more). A count is **recovered** when an attacker who combines public
 * answers knows more than that:
 * - a count the public saw rounded (or not at all) is pinned to one exact value; or
 * - a count the public never saw (hidden, or never published) is narrowed to a window of 5 or
 *   fewer possible values that excludes 0 (so it says someone is there, and about how many).
 * A recovery counts only when the region token's exact answer lies inside the window; a window
 * that misses the truth is reported as a wrong inference of the attack, not as a disclosure.
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** How the public saw a count: exact (0, or England), rounded to 5, hidden (null), or never published. */
export type Exposure = 'exact' | 'rounded' | 'hidden' | 'unpublished';

export const UNKNOWN: Interval = { lo: 0, hi: Number.POSITIVE_INFINITY };
const HIDDEN: Interval = { lo: 1, hi: Number.POSITIVE_INFINITY };

/** The counts a rounded published count stands for: c ≥ 10 is c−2…c+2, 0 is exact, null is hidden (≥ 1). */
export function publishedWindow(count: number | null): Interval {
  if (count === null) return HIDDEN;
  if (count === 0) return { lo: 0, hi: 0 };
  return { lo: Math.max(0, count - 2), hi: count + 2 };
}

export function exposureOf(count: number | null): Exposure {
  if (count === null) return 'hidden';
  return count === 0 ? 'exact' : 'rounded';
}

const EXPOSURE_RANK: Record<Exposure, number> = { exact: 3, rounded: 2, hidden: 1, unpublished: 0 };

/** What the public was shown of a count across every answer it appeared in: the best exposure. */
export const bestExposure = (a: Exposure, b: Exposure): Exposure => (EXPOSURE_RANK[a] >= EXPOSURE_RANK[b] ? a : b);

export const intersect = (a: Interval, b: Interval): Interval => ({ lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) });

const width = (w: Interval) => w.hi - w.lo + 1;

/** Whether knowing `window` about a count the public saw as `exposure` is a disclosure (see above). */
export function isDisclosure(exposure: Exposure, window: Interval): boolean {
  if (exposure === 'exact') return false;
  if (window.lo === window.hi) return exposure === 'rounded' || window.lo > 0;
  return (exposure === 'hidden' || exposure === 'unpublished') && window.lo >= 1 && width(window) <= 5;
}

export const showInterval = (w: Interval) => (w.lo === w.hi ? `${w.lo}` : `${w.lo}–${w.hi}`);
