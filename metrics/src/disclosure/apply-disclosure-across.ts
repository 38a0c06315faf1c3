import { applyDisclosure, type DisclosedRow, type DisclosureRow } from './apply-disclosure.ts';
import { suppressCount } from './suppress-count.ts';

type Count = 'numerator' | 'denominator';
const COUNTS: readonly Count[] = ['numerator', 'denominator'];
const DERIVED = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
/** Stands in for a count already hidden: one `suppressCount` always hides, never taken for a lone 1. */
const HIDDEN_MARKER = 7;

/**
 * Disclosure control of a table whose cells add up to published totals in more than one direction,
 * e.g. deprivation groups within an area (summing to the area) and one group across sibling areas
 * (summing to their parent's figure for that group). `applyDisclosure` protects one direction; this
 * applies it along each direction in turn, counts hidden so far staying hidden, until a round of
 * every direction hides nothing new. With one direction the result equals `applyDisclosure`'s.
 * @param rows the cells; `areaCode` must be unique among them (ties are broken by it)
 * @param directions one family key per direction: cells with the same key add up to a published
 *   total; null for a cell with none in that direction
 * @returns new rows in input order, counts rounded or null, each with a `disclosure` flag
 * @example
 * applyDisclosureAcross(cells, [(c) => c.area, (c) => `${c.parent}|${c.group}`])
 */
export function applyDisclosureAcross<R extends DisclosureRow>(rows: readonly R[], directions: readonly ((row: R) => string | null)[]): DisclosedRow<R>[] {
  if (directions.length === 0) throw new RangeError('applyDisclosureAcross needs at least one direction');
  const hidden: Record<Count, boolean[]> = { numerator: rows.map(() => false), denominator: rows.map(() => false) };
  const hideAlong = (key: (row: R) => string | null): boolean => {
    const marked = rows.map((row, i) => ({ ...row, ...Object.fromEntries(COUNTS.map((c) => [c, hidden[c][i] ? HIDDEN_MARKER : row[c]])) }) as R);
    let changed = false;
    applyDisclosure(marked, { parentKey: key }).forEach((out, i) => {
      for (const c of COUNTS) {
        if (out[c] === null && rows[i]![c] !== null && !hidden[c][i]) changed = hidden[c][i] = true;
      }
    });
    return changed;
  };
  for (let d = 0, quiet = 0; quiet < directions.length; d = (d + 1) % directions.length) quiet = hideAlong(directions[d]!) ? 0 : quiet + 1;

  return rows.map((row, i) => {
    const suppressed = hidden.numerator[i]! || hidden.denominator[i]!;
    const shown = (c: Count) => (hidden[c][i] || row[c] === null ? null : suppressCount(row[c]).shown);
    const rounded = COUNTS.some((c) => row[c] !== null && suppressCount(row[c]).flag === 'rounded');
    return {
      ...row,
      ...(suppressed ? Object.fromEntries(DERIVED.filter((field) => field in row).map((field) => [field, null])) : {}),
      numerator: shown('numerator'),
      denominator: shown('denominator'),
      disclosure: suppressed ? 'suppressed' : rounded ? 'rounded' : 'none',
    } as DisclosedRow<R>;
  });
}
