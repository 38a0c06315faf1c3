import { BREAKDOWN_TOTAL } from '../catalogue/breakdown-groups.ts';
import { applyDisclosureAcross } from './apply-disclosure-across.ts';
import { suppressCount } from './suppress-count.ts';

/**
 * A cell of a table published one breakdown at a time: its star (the cells that share every other
 * column, e.g. one borough × month × vaccine × dose), its breakdown (`total` for the star's total,
 * else e.g. `deprivation`, whose groups add up to the total) and its exact count.
 */
export interface BreakdownCell {
  readonly star: string | number;
  readonly breakdown: string;
  readonly count: number;
}

const TOTAL = BREAKDOWN_TOTAL;

/**
 * Disclosure control of a table published one breakdown at a time, such as the public immunisation
 * extracts: primary (1–7 hidden, others rounded to 5), then complementary suppression so that no
 * hidden count can be worked out, or narrowed to 5 or fewer possible values, by adding and
 * subtracting published cells: each breakdown's groups against the star's total, the total shared
 * by every breakdown (`applyDisclosureAcross` with the totals as rows). Complements are the smallest
 * counts of the family, so what is hidden is what loses least.
 *
 * Stars are protected one at a time: nothing published adds up across stars (no sum over areas,
 * periods or vaccines is in the table), so a star's cells are linked to no other's. A star with no
 * count of 1–7 only needs rounding; nor does a star whose total is 1–7, since then every cell of it
 * is 0 or hidden, and sums of hidden counts bound none of them from above.
 * @param cells every cell of the table (cells not listed are 0, and so known exactly); each star
 *   needs its total cell when it has any other
 * @returns the published count of each cell, in input order: a multiple of 5 (0 included), or null when hidden
 * @example
 * discloseBreakdownStars([
 *   { star: 'Hackney 2024-01', breakdown: 'total', count: 52 },
 *   { star: 'Hackney 2024-01', breakdown: 'sex', count: 4 }, // hidden
 *   { star: 'Hackney 2024-01', breakdown: 'sex', count: 48 }, // hidden too, or 50 − 48 would give 4 away
 * ]) // [50, null, null]
 */
export function discloseBreakdownStars(cells: readonly BreakdownCell[]): (number | null)[] {
  const stars = new Map<string | number, number[]>();
  cells.forEach((cell, i) => {
    const star = stars.get(cell.star);
    if (star) star.push(i);
    else stars.set(cell.star, [i]);
  });
  const published = cells.map((cell) => suppressCount(cell.count).shown);
  for (const [star, members] of stars) {
    if (members.every((i) => published[i] !== null)) continue;
    const totals = members.filter((i) => cells[i]!.breakdown === TOTAL);
    if (totals.length !== 1) throw new RangeError(`star ${String(star)} needs one ${TOTAL} cell (got ${totals.length})`);
    if (published[totals[0]!] === null) continue;
    const breakdowns = [...new Set(members.map((i) => cells[i]!.breakdown))].filter((b) => b !== TOTAL);
    const rows = members.map((i) => ({ areaCode: String(i).padStart(12, '0'), parentCode: null, numerator: cells[i]!.count, denominator: null, breakdown: cells[i]!.breakdown }));
    const out = applyDisclosureAcross(rows, breakdowns.map((b) => (r) => (r.breakdown === b ? 'star' : null)), { totals: breakdowns.map(() => (r) => (r.breakdown === TOTAL ? 'star' : null)) });
    members.forEach((i, k) => {
      published[i] = out[k]!.numerator;
    });
  }
  return published;
}
