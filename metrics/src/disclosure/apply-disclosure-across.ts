import { checkDisclosureRow, hiddenWithComplements, type DisclosedRow, type DisclosureRow } from './apply-disclosure.ts';
import { publishedCountBounds, type SumRelation } from './published-count-bounds.ts';
import { suppressCount } from './suppress-count.ts';

type Count = 'numerator' | 'denominator';
const COUNTS: readonly Count[] = ['numerator', 'denominator'];
const DERIVED = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
/** Stands in for a count already hidden: one `suppressCount` always hides, never taken for a lone 1. */
const HIDDEN_MARKER = 7;
/** A hidden count a reader can narrow to this many possible values or fewer is as good as shown: rounding to 5 already gives 5. */
const NARROW_AT_MOST = 5;

export interface DisclosureAcrossOptions<R extends DisclosureRow> {
  /**
   * One per direction: the key of the family (as that direction returns it) whose published total
   * this row is, or null. With totals, once the directions hide nothing new, each family's total and
   * members are audited by `publishedCountBounds`; a hidden count narrowed to 5 or fewer possible
   * values gets the smallest shown count above 0 among its families' other cells hidden too, and
   * the directions run again. Without, parent totals are outside the rows and only the rules of
   * `applyDisclosure` apply.
   */
  readonly totals?: readonly ((row: R) => string | null)[];
}

/**
 * Disclosure control of a table whose cells add up to published totals in more than one direction,
 * e.g. deprivation groups within an area (summing to the area) and one group across sibling areas
 * (summing to their parent's figure for that group). `applyDisclosure` protects one direction; this
 * applies it along each direction in turn, counts hidden so far staying hidden, until a round of
 * every direction hides nothing new. With one direction the result equals `applyDisclosure`'s.
 *
 * When the totals are rows too (`options.totals`), hiding two cells of a family is not always
 * enough: a total shown as 20 (18–22) with two parts shown as 10 (8–12 each) and two hidden leaves
 * each hidden part 1 to 5 (22 − 8 − 8 − the other's 1). So every hidden count is also checked
 * against what adding and subtracting the published counts narrows it to.
 * @param rows the cells; `areaCode` must be unique among them (ties are broken by it)
 * @param directions one family key per direction: cells with the same key add up to a published
 *   total; null for a cell with none in that direction
 * @param options `totals`: which rows are the families' totals (default: none are rows)
 * @returns new rows in input order, counts rounded or null, each with a `disclosure` flag
 * @example
 * applyDisclosureAcross(cells, [(c) => c.area, (c) => `${c.parent}|${c.group}`])
 */
export function applyDisclosureAcross<R extends DisclosureRow>(rows: readonly R[], directions: readonly ((row: R) => string | null)[], options: DisclosureAcrossOptions<R> = {}): DisclosedRow<R>[] {
  if (directions.length === 0) throw new RangeError('applyDisclosureAcross needs at least one direction');
  if (options.totals && options.totals.length !== directions.length) throw new RangeError(`totals needs one function per direction (got ${options.totals.length} for ${directions.length})`);
  rows.forEach(checkDisclosureRow);
  const hidden: Record<Count, boolean[]> = { numerator: rows.map(() => false), denominator: rows.map(() => false) };
  const tieKeys = rows.map((row) => row.areaCode);
  const families = directions.map((direction) => familiesAlong(rows, direction));
  const hideAlong = (d: number): boolean => {
    let changed = false;
    for (const c of COUNTS) {
      const marked = rows.map((row, i) => (hidden[c][i] ? HIDDEN_MARKER : row[c]));
      hiddenWithComplements(marked, tieKeys, families[d]!.values()).forEach((now, i) => {
        if (now && rows[i]![c] !== null && !hidden[c][i]) changed = hidden[c][i] = true;
      });
    }
    return changed;
  };
  const relations = options.totals ? familyRelations(rows, families, options.totals) : [];
  do {
    for (let d = 0, quiet = 0; quiet < directions.length; d = (d + 1) % directions.length) quiet = hideAlong(d) ? 0 : quiet + 1;
  } while (COUNTS.map((c) => hideNarrowed(rows, c, hidden[c], relations)).some(Boolean));

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

/** The indices of the rows of each family along a direction, by family key. */
function familiesAlong<R extends DisclosureRow>(rows: readonly R[], direction: (row: R) => string | null): Map<string, number[]> {
  const families = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = direction(row);
    if (key === null) return;
    if (typeof key !== 'string') throw new RangeError(`a direction must return a string or null (got ${String(key)} for ${row.areaCode})`);
    const family = families.get(key);
    if (family) family.push(i);
    else families.set(key, [i]);
  });
  return families;
}

/** The sums the families with a total row make: each total row and the members of its family. */
function familyRelations<R extends DisclosureRow>(rows: readonly R[], families: readonly ReadonlyMap<string, readonly number[]>[], totals: readonly ((row: R) => string | null)[]): SumRelation[] {
  return families.flatMap((members, d) => {
    const relations = new Map<string, SumRelation>();
    rows.forEach((row, i) => {
      const key = totals[d]!(row);
      if (key === null) return;
      if (relations.has(key)) throw new RangeError(`family ${key} of direction ${d} has two total rows (${rows[relations.get(key)!.total]!.areaCode}, ${row.areaCode})`);
      relations.set(key, { total: i, parts: members.get(key) ?? [] });
    });
    return [...relations.values()];
  });
}

/**
 * Hides, for each hidden `count` the relations narrow to `NARROW_AT_MOST` values or fewer, the
 * smallest shown count above 0 among the other cells of its relations (a member before a total,
 * then by area code), one per relation per call; true when it hid any.
 */
function hideNarrowed(rows: readonly DisclosureRow[], count: Count, hidden: boolean[], relations: readonly SumRelation[]): boolean {
  if (relations.length === 0) return false;
  const bounds = publishedCountBounds(rows.map((row, i) => (hidden[i] ? { hidden: true } : { hidden: false, shown: row[count] === null ? null : suppressCount(row[count]).shown })), relations);
  const widened = new Set<SumRelation>();
  rows.forEach((_, i) => {
    if (!hidden[i] || bounds[i]!.hi - bounds[i]!.lo + 1 > NARROW_AT_MOST) return;
    const mine = relations.filter((r) => r.total === i || r.parts.includes(i));
    if (mine.some((r) => widened.has(r))) return;
    const candidates = mine.flatMap((r) => [...r.parts.map((j) => ({ j, total: false })), { j: r.total, total: true }]).filter(({ j }) => !hidden[j] && (rows[j]![count] ?? 0) > 0);
    if (candidates.length === 0) return;
    const best = candidates.reduce((a, b) => (before(rows, count, b, a) ? b : a));
    hidden[best.j] = true;
    for (const r of mine) widened.add(r);
  });
  return widened.size > 0;
}

/** Whether complement candidate `a` goes before `b`: the smaller count, then a member before a total, then the lower area code. */
function before(rows: readonly DisclosureRow[], count: Count, a: { j: number; total: boolean }, b: { j: number; total: boolean }): boolean {
  const [x, y] = [rows[a.j]![count]!, rows[b.j]![count]!];
  if (x !== y) return x < y;
  if (a.total !== b.total) return !a.total;
  return rows[a.j]!.areaCode < rows[b.j]!.areaCode;
}
