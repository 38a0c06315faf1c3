/**
 * A cell of a published table with breakdowns: the star it belongs to (the values of every column
 * but the breakdown's, e.g. borough × month × vaccine × dose), its breakdown ('total' for the star's
 * total), its group within the breakdown, and its published count (null when hidden).
 */
export interface StarCell {
  readonly star: string;
  readonly breakdown: string;
  readonly group: string;
  readonly count: number | null;
}

/** What an attacker gets by adding and subtracting published cells, as `differencingAttack` finds it. */
export interface DifferencingReport {
  readonly cells: number;
  readonly hidden: number;
  /** Sums checked: each star's total against each of its breakdowns. */
  readonly relations: number;
  /** Sums with exactly one hidden cell. */
  readonly singleHidden: readonly string[];
  /** Hidden cells the sums narrow to 5 or fewer possible values, with the values left. */
  readonly narrowed: readonly { readonly cell: string; readonly lo: number; readonly hi: number }[];
}

const ROUNDING_HALF_WINDOW = 2;
const NARROW_AT_MOST = 5;

/**
 * The differencing attack on a table whose breakdowns each add up to their star's total, by interval
 * arithmetic: a published count c ≥ 10 is a truth in [c − 2, c + 2] (rounded to the nearest 5), 0 is
 * exact, a hidden count is ≥ 1. Each sum narrows its total to the sum of its parts' intervals and each
 * part to the total less the others', relation after relation, until nothing changes (a fixpoint).
 * Written apart from the release's disclosure code on purpose: it checks it.
 */
export function differencingAttack(cells: readonly StarCell[]): DifferencingReport {
  const stars = new Map<string, StarCell[]>();
  for (const cell of cells) {
    const list = stars.get(cell.star);
    if (list) list.push(cell);
    else stars.set(cell.star, [cell]);
  }
  let relations = 0;
  const singleHidden: string[] = [];
  const narrowed: { cell: string; lo: number; hi: number }[] = [];
  for (const [star, members] of stars) {
    const total = members.find((c) => c.breakdown === 'total');
    if (!total) throw new Error(`star ${star} has no total row`);
    const lo = members.map((c) => (c.count === null ? 1 : c.count === 0 ? 0 : c.count - ROUNDING_HALF_WINDOW));
    const hi = members.map((c) => (c.count === null ? Number.POSITIVE_INFINITY : c.count === 0 ? 0 : c.count + ROUNDING_HALF_WINDOW));
    const t = members.indexOf(total);
    const sums = [...new Set(members.map((c) => c.breakdown))].filter((b) => b !== 'total').map((b) => ({ breakdown: b, parts: members.flatMap((c, i) => (c.breakdown === b ? [i] : [])) }));
    relations += sums.length;
    for (const sum of sums) {
      if ([t, ...sum.parts].filter((i) => members[i]!.count === null).length === 1) singleHidden.push(`${star} ${sum.breakdown}`);
    }
    for (let changed = true; changed; ) {
      changed = false;
      const tighten = (i: number, low: number, high: number) => {
        if (low > lo[i]!) [lo[i], changed] = [low, true];
        if (high < hi[i]!) [hi[i], changed] = [high, true];
      };
      for (const { parts } of sums) {
        tighten(t, sum(parts.map((i) => lo[i]!)), sum(parts.map((i) => hi[i]!)));
        for (const p of parts) {
          const others = parts.filter((i) => i !== p);
          tighten(p, lo[t]! - sum(others.map((i) => hi[i]!)), hi[t]! - sum(others.map((i) => lo[i]!)));
        }
      }
    }
    members.forEach((c, i) => {
      if (lo[i]! > hi[i]!) throw new Error(`star ${star}: no truth fits the published counts (${c.breakdown} ${c.group})`);
      if (c.count === null && hi[i]! - lo[i]! + 1 <= NARROW_AT_MOST) narrowed.push({ cell: `${star} ${c.breakdown} ${c.group}`, lo: lo[i]!, hi: hi[i]! });
    });
  }
  return { cells: cells.length, hidden: cells.filter((c) => c.count === null).length, relations, singleHidden, narrowed };
}

/** A sum that stays finite while every term is, and is infinite as soon as one is (never NaN: no term is −∞). */
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
