/** What disclosure control did to a published number: hid it, rounded it, or left it as it is. */
export type DisclosureFlag = 'suppressed' | 'rounded' | 'none';

export interface DisclosedCount {
  /** The count to publish, or null when it must not be shown (displayed as `*`). */
  readonly shown: number | null;
  readonly flag: DisclosureFlag;
}

const SUPPRESS_AT_MOST = 7;
const ROUND_TO = 5;

/**
 * Primary disclosure control of one count below national level (INDICATORS.md "Disclosure control"):
 * 0 is shown as 0; 1 to 7 are suppressed; 8 and above are rounded to the nearest 5 and flagged
 * `rounded` even when already a multiple of 5, since a reader cannot tell which ones were changed.
 * Counts are integers, so a count is never exactly halfway between two multiples of 5 (12 → 10,
 * 13 → 15, 8 → 10). Secondary suppression needs the neighbouring counts: see `applyDisclosure`.
 * @param count a count of people or events, an integer ≥ 0
 * @example
 * suppressCount(0) // { shown: 0, flag: 'none' }
 * suppressCount(7) // { shown: null, flag: 'suppressed' }
 * suppressCount(13) // { shown: 15, flag: 'rounded' }
 */
export function suppressCount(count: number): DisclosedCount {
  if (!(Number.isSafeInteger(count) && count >= 0)) throw new RangeError(`count must be an integer ≥ 0 (got ${count})`);
  if (count === 0) return { shown: 0, flag: 'none' };
  if (count <= SUPPRESS_AT_MOST) return { shown: null, flag: 'suppressed' };
  return { shown: Math.round(count / ROUND_TO) * ROUND_TO, flag: 'rounded' };
}
