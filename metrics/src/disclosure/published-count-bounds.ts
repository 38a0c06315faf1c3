import { intervalBounds, roundingWindow, type KnownRange, type Relation } from './interval-audit.ts';

/** A published total and the published parts that add up to it, as indices into a list of counts. */
export type SumRelation = Relation;

/** How a count was published: hidden, shown (0 exactly, others rounded to the nearest 5), or missing (null: unknown). */
export type PublishedCount = { readonly hidden: true } | { readonly hidden: false; readonly shown: number | null };

/** Possible true values of a count, from `lo` to `hi` (`Infinity` when nothing bounds it from above). */
export type CountBounds = KnownRange;

/**
 * What a reader can work out about each count from published counts and the sums they take part
 * in, by interval arithmetic (the differencing attack): a shown 0 is exact, a shown c ≥ 10 (rounded
 * to the nearest 5) is a truth in [c − 2, c + 2], a hidden count is ≥ 1 (hidden counts are 1–7 or
 * complements with a count above 0), a missing count is ≥ 0. Each sum narrows its total to the sum
 * of its parts' bounds and each part to the total less the other parts', relation after relation,
 * until a round changes nothing (`intervalBounds`, which the public table's audit runs too). For one sum this gives the tightest bounds there are; across
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
  const { lo, hi } = intervalBounds(counts.length, relations, (i) => {
    const c = counts[i]!;
    if (c.hidden) return null;
    return c.shown === null ? { lo: 0, hi: Number.POSITIVE_INFINITY } : roundingWindow(c.shown);
  });
  return Array.from(lo, (l, i) => {
    if (l > hi[i]!) throw new RangeError(`no true count fits the published counts (count ${i} would be ${l}–${hi[i]})`);
    return { lo: l, hi: hi[i]! };
  });
}
