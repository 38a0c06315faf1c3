/** A published total and the published parts that add up to it, as indices into a list of counts. */
export interface SumRelation {
  readonly total: number;
  readonly parts: readonly number[];
}

/** How a count was published: hidden, shown (0 exactly, others rounded to the nearest 5), or missing (null: unknown). */
export type PublishedCount = { readonly hidden: true } | { readonly hidden: false; readonly shown: number | null };

/** Possible true values of a count, from `lo` to `hi` (`Infinity` when nothing bounds it from above). */
export interface CountBounds {
  readonly lo: number;
  readonly hi: number;
}

const ROUNDING_HALF_WINDOW = 2;

/**
 * What a reader can work out about each count from published counts and the sums they take part
 * in, by interval arithmetic (the differencing attack): a shown 0 is exact, a shown c ≥ 10 (rounded
 * to the nearest 5) is a truth in [c − 2, c + 2], a hidden count is ≥ 1 (hidden counts are 1–7 or
 * complements with a count above 0), a missing count is ≥ 0. Each sum narrows its total to the sum
 * of its parts' bounds and each part to the total less the other parts', relation after relation,
 * until a round changes nothing. For one sum this gives the tightest bounds there are; across
 * several it is what a reader with a spreadsheet gets, the attack `applyDisclosureAcross` defends against.
 * @param counts the published counts, in the order the relations index them
 * @returns bounds of each count, in input order
 * @throws RangeError when no truth fits the published counts (they were not published by this rule)
 * @example
 * // A total shown as 20 (18–22) with parts shown as 10 (8–12) and hidden: the hidden part is 6 to 14.
 * publishedCountBounds([{ hidden: false, shown: 20 }, { hidden: false, shown: 10 }, { hidden: true }], [{ total: 0, parts: [1, 2] }])
 * // [{ lo: 18, hi: 22 }, { lo: 8, hi: 12 }, { lo: 6, hi: 14 }]
 */
export function publishedCountBounds(counts: readonly PublishedCount[], relations: readonly SumRelation[]): CountBounds[] {
  const lo = counts.map((c) => (c.hidden ? 1 : c.shown === null || c.shown === 0 ? 0 : c.shown - ROUNDING_HALF_WINDOW));
  const hi = counts.map((c) => (c.hidden || c.shown === null ? Number.POSITIVE_INFINITY : c.shown === 0 ? 0 : c.shown + ROUNDING_HALF_WINDOW));
  let changed = true;
  const tighten = (i: number, low: number, high: number) => {
    if (low > lo[i]!) [lo[i], changed] = [low, true];
    if (high < hi[i]!) [hi[i], changed] = [high, true];
    if (lo[i]! > hi[i]!) throw new RangeError(`no true count fits the published counts (count ${i} would be ${lo[i]}–${hi[i]})`);
  };
  while (changed) {
    changed = false;
    for (const { total, parts } of relations) {
      const loSum = parts.reduce((s, i) => s + lo[i]!, 0);
      const hiSum = parts.reduce((s, i) => s + hi[i]!, 0);
      tighten(total, loSum, hiSum);
      // The sums may lag the parts tightened in this loop; a lagging sum only loosens a bound, and the next round catches up.
      for (const p of parts) {
        // Bounds below are finite, so loSum − lo[p] is too; hiSum − hi[p] is ∞ − ∞ when p is the only unbounded part.
        const othersHi = hi[p] === Number.POSITIVE_INFINITY ? parts.reduce((s, i) => (i === p ? s : s + hi[i]!), 0) : hiSum - hi[p]!;
        tighten(p, lo[total]! - othersHi, hi[total]! - (loSum - lo[p]!));
      }
    }
  }
  return lo.map((l, i) => ({ lo: l, hi: hi[i]! }));
}
