import { suppressCount, type DisclosureFlag } from './suppress-count.ts';

const DERIVED = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
type Count = 'numerator' | 'denominator';
type Hideable = Count | (typeof DERIVED)[number];

/** A published row: an area's counts and anything computed from them (as `IndicatorValueRow`). */
export interface DisclosureRow {
  readonly areaCode: string;
  readonly parentCode: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value?: number | null;
  readonly lower95?: number | null;
  readonly upper95?: number | null;
  readonly lower998?: number | null;
  readonly upper998?: number | null;
}

/** The row as it may be published: counts rounded or null, derived values null when a count is hidden. */
export type DisclosedRow<R extends DisclosureRow> = { [K in keyof R]: K extends Hideable ? R[K] | null : R[K] } & {
  readonly disclosure: DisclosureFlag;
};

export interface DisclosureOptions<R extends DisclosureRow> {
  /**
   * The published total each row is part of: rows with the same key are its children, and their
   * published counts could be subtracted from that total. Default: the row's `parentCode`. Return
   * null for a row with no published parent. Include the period (and breakdown) in the key when the
   * rows span several.
   */
  readonly parentKey?: (row: R) => string | null;
  /** True for roles allowed unrounded data: rows come back unchanged, flagged `none`. Default false. */
  readonly entitled?: boolean;
}

/**
 * Disclosure control of a set of published rows below national level (INDICATORS.md "Disclosure
 * control"), applied separately to the numerator and the denominator:
 *
 * 1. Primary: each count goes through `suppressCount` (1–7 hidden, others rounded to the nearest 5).
 * 2. Secondary: within each parent, if exactly one child's count is hidden, the smallest other
 *    child with a count above 0 is hidden too (ties by area code), so subtracting the published
 *    children from the parent total gives the sum of at least two hidden counts, never one of them.
 *    Likewise when every hidden count in a parent is 1 (their sum would give each one away).
 *    If no such child exists, the parent total equals the hidden sum, so it is 1–7 and suppressed
 *    itself (the one exception, eight or more children that are all 1 with the rest 0, is protected
 *    only by the rounding of the parent total). Parent totals are assumed published: over-suppressing
 *    is safe.
 * 3. A row with a hidden numerator or denominator has its value and confidence limits hidden too,
 *    and is flagged `suppressed`; otherwise `rounded` when a count was rounded, else `none`.
 *
 * Protects one level of the hierarchy per call (e.g. boroughs within ICBs). Other fields pass
 * through unchanged, so compute anything else derived from the counts after this step.
 * @param rows rows of one area level; counts are integers ≥ 0 or null (missing)
 * @param options `parentKey` (default `row.parentCode`), `entitled` (default false)
 * @returns new rows in input order, each with a `disclosure` flag
 * @example
 * applyDisclosure([
 *   { areaCode: 'E09000007', parentCode: 'E54000028', numerator: 5, denominator: 40 },
 *   { areaCode: 'E09000019', parentCode: 'E54000028', numerator: 23, denominator: 60 },
 *   { areaCode: 'E09000003', parentCode: 'E54000028', numerator: 112, denominator: 300 },
 * ])
 * // Camden hidden (5); Islington hidden as well (23 is the next smallest), or NCL's total would reveal 5:
 * // [{ …, numerator: null, denominator: 40, disclosure: 'suppressed' },
 * //  { …, numerator: null, denominator: 60, disclosure: 'suppressed' },
 * //  { …, numerator: 110, denominator: 300, disclosure: 'rounded' }]
 */
export function applyDisclosure<R extends DisclosureRow>(rows: readonly R[], options: DisclosureOptions<R> = {}): DisclosedRow<R>[] {
  rows.forEach(checkDisclosureRow);
  if (options.entitled) return rows.map((row) => ({ ...row, disclosure: 'none' }) as DisclosedRow<R>);

  const parentKey = options.parentKey ?? ((row: R) => row.parentCode);
  const families = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = parentKey(row);
    if (key === null) return;
    if (typeof key !== 'string') throw new RangeError(`parentKey must return a string or null (got ${String(key)} for ${row.areaCode})`);
    const children = families.get(key);
    if (children) children.push(i);
    else families.set(key, [i]);
  });

  const tieKeys = rows.map((row) => row.areaCode);
  const hiddenNumerators = hiddenWithComplements(rows.map((row) => row.numerator), tieKeys, families.values());
  const hiddenDenominators = hiddenWithComplements(rows.map((row) => row.denominator), tieKeys, families.values());

  return rows.map((row, i) => {
    const suppressed = hiddenNumerators[i]! || hiddenDenominators[i]!;
    const rounded = [row.numerator, row.denominator].some((c) => c !== null && suppressCount(c).flag === 'rounded');
    const hiddenDerived = suppressed ? Object.fromEntries(DERIVED.filter((field) => field in row).map((field) => [field, null])) : {};
    return {
      ...row,
      ...hiddenDerived,
      numerator: hiddenNumerators[i] || row.numerator === null ? null : suppressCount(row.numerator).shown,
      denominator: hiddenDenominators[i] || row.denominator === null ? null : suppressCount(row.denominator).shown,
      disclosure: suppressed ? 'suppressed' : rounded ? 'rounded' : 'none',
    } as DisclosedRow<R>;
  });
}

/**
 * Steps 1 and 2 of `applyDisclosure` for one kind of count: which counts are hidden, by the primary
 * rule and as complements within each family.
 * @param counts integers ≥ 0, or null (missing: never hidden)
 * @param tieKeys one per count: complements of equal counts are taken in this order
 * @param families the indices of each family's children
 */
export function hiddenWithComplements(counts: readonly (number | null)[], tieKeys: readonly string[], families: Iterable<readonly number[]>): boolean[] {
  const count = (i: number) => counts[i] ?? null;
  const hidden = counts.map((c) => c !== null && suppressCount(c).flag === 'suppressed');
  for (const children of families) {
    for (;;) {
      const hiddenChildren = children.filter((i) => hidden[i]);
      const hiddenSum = hiddenChildren.reduce((s, i) => s + count(i)!, 0);
      if (hiddenChildren.length === 0 || (hiddenChildren.length >= 2 && hiddenSum > hiddenChildren.length)) break;
      const candidates = children.filter((i) => !hidden[i] && (count(i) ?? 0) > 0);
      if (candidates.length === 0) break;
      const next = candidates.reduce((best, i) =>
        count(i)! < count(best)! || (count(i) === count(best) && tieKeys[i]! < tieKeys[best]!) ? i : best,
      );
      hidden[next] = true;
    }
  }
  return hidden;
}

/** Throws a RangeError naming the row unless its area code is a string and its counts integers ≥ 0 or null. */
export function checkDisclosureRow(row: DisclosureRow): void {
  if (typeof row.areaCode !== 'string') throw new RangeError(`areaCode must be a string (got ${String(row.areaCode)})`);
  for (const field of ['numerator', 'denominator'] as const) {
    const c = row[field];
    if (c !== null && !(Number.isSafeInteger(c) && c >= 0)) {
      throw new RangeError(`${field} of ${row.areaCode} must be an integer ≥ 0 or null (got ${c})`);
    }
  }
}
