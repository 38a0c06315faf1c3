import { BREAKDOWN_TOTAL, parseBreakdownKey } from '../catalogue/breakdown-groups.ts';
import { suppressCount } from './suppress-count.ts';
import { narrowedCells, roundingWindow, type Relation } from './interval-audit.ts';

/** One cell of a release's table of counts: an indicator × area × period × breakdown. */
export interface TableCell {
  readonly indicatorId: string;
  readonly areaCode: string;
  /** The area's level (`borough`, `icb`, …): an area's cell is the sum of one level's cells below it. */
  readonly areaType: string;
  readonly period: string;
  /** `total`, or `dimension:group` (e.g. `ethnicity:Asian`); a dimension's groups add up to the total. */
  readonly breakdown: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** A cell as the public may see it: counts rounded to 5 or hidden (null, with the flag set). */
export interface PublishedCell extends TableCell {
  readonly numeratorHidden: boolean;
  readonly denominatorHidden: boolean;
}

/** How the areas of the table add up. */
export interface TableGeography {
  /** The areas whose cells are sums of this area's cells (a borough's ICB and London); [] for none. */
  readonly parentsOf: (areaCode: string) => readonly string[];
  /** Areas published as they are (England): outside disclosure control and outside every relation. */
  readonly isExact: (areaCode: string) => boolean;
}

export interface PublicTable {
  readonly cells: PublishedCell[];
  /** Counts hidden because they are 1–7, and hidden to protect them (numerators and denominators together). */
  readonly hidden: { readonly primary: number; readonly complementary: number };
}

const COUNTS = ['numerator', 'denominator'] as const;
type Count = (typeof COUNTS)[number];
const TOTAL = BREAKDOWN_TOTAL;
/** Rounds of audit and extra suppression before giving up on a relation and hiding all of it. */
const MAX_AUDIT_ROUNDS = 50;

/**
 * Disclosure control of a whole table of counts at once, so that what holds for one answer holds
 * for every answer computed from the table (ARCHITECTURE.md "the public table"). Each count below
 * the exact areas goes through `suppressCount` (1–7 hidden, the rest rounded to 5); then the table's
 * linear relations are protected:
 *
 * - an area's cell = the sum of its child areas' cells (boroughs in an ICB and in London, ICBs in London),
 *   for the same indicator, period and breakdown;
 * - an area's total = the sum of one dimension's groups (deprivation, ethnicity, sex).
 *
 * 1. Complementary suppression: in a relation whose total is published, one hidden part (or hidden
 *    parts that are all 1s) would be the total minus the published parts, so another part is hidden.
 *    The one hidden is what loses least: a part whose row is already hidden for the other count,
 *    else the smallest denominator (then the smallest count, then the key, for determinism).
 * 2. Audit: the attacker's method, interval arithmetic over every relation with each published count
 *    known to ±2 and each hidden one ≥ 1, iterated to a fixed point (`narrowedCells`). A hidden count
 *    narrowed to 5 or fewer possible values gets one more part of its smallest relation hidden, and
 *    the audit runs again until nothing is narrowed.
 *
 * Periods are not related inside the table (each indicator has one native frequency): coarser
 * periods are sums of published cells, so they add nothing to subtract. Numerators and denominators
 * are protected separately; a row with either hidden is shown without a value.
 * @param cells the table, each indicator × area × period × breakdown at most once
 * @param geography parent areas and the exactly published areas
 */
export function disclosePublicTable(cells: readonly TableCell[], geography: TableGeography): PublicTable {
  const hidden: Record<Count, boolean[]> = { numerator: cells.map(() => false), denominator: cells.map(() => false) };
  const exact = cells.map((c) => geography.isExact(c.areaCode));
  let primary = 0;
  // Relations never cross an indicator or a period, so each indicator × period is protected on its own.
  const blocks = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const key = `${c.indicatorId}\u0000${c.period}`;
    const block = blocks.get(key);
    if (block) block.push(i);
    else blocks.set(key, [i]);
  });
  for (const members of blocks.values()) {
    const block = members.map((i) => cells[i]!);
    const blockExact = members.map((i) => exact[i]!);
    const relations = tableRelations(block, geography, blockExact);
    const blockHidden: Record<Count, boolean[]> = { numerator: [], denominator: [] };
    for (const field of COUNTS) {
      blockHidden[field] = block.map((c, k) => !blockExact[k] && c[field] !== null && suppressCount(c[field]).flag === 'suppressed');
      primary += blockHidden[field].filter(Boolean).length;
    }
    for (const field of COUNTS) protect(block, relations, field, blockHidden, blockExact);
    members.forEach((i, k) => {
      for (const field of COUNTS) hidden[field][i] = blockHidden[field][k]!;
    });
  }
  const complementary = COUNTS.reduce((s, f) => s + hidden[f].filter(Boolean).length, 0) - primary;
  return {
    hidden: { primary, complementary },
    cells: cells.map((c, i) => {
      const shown = (f: Count) => (hidden[f][i] || c[f] === null ? null : exact[i] ? c[f] : suppressCount(c[f]).shown);
      return { ...c, numerator: shown('numerator'), denominator: shown('denominator'), numeratorHidden: hidden.numerator[i]!, denominatorHidden: hidden.denominator[i]! };
    }),
  };
}

const cellLabel = (c: TableCell) => `${c.indicatorId} ${c.areaCode} ${c.period} ${c.breakdown}`;
const cellKey = (indicatorId: string, areaCode: string, period: string, breakdown: string) => `${indicatorId}\u0000${areaCode}\u0000${period}\u0000${breakdown}`;

/** Every relation "total = sum of parts" among the table's controlled cells, with its total's index (−1 when the table lacks it). */
function tableRelations(cells: readonly TableCell[], geography: TableGeography, exact: readonly boolean[]): Relation[] {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    const key = cellKey(c.indicatorId, c.areaCode, c.period, c.breakdown);
    if (index.has(key)) throw new RangeError(`the table has two cells for ${cellLabel(c)}`);
    index.set(key, i);
  });
  const byKey = new Map<string, Relation & { parts: number[] }>();
  const join = (key: string, total: number | undefined, part: number) => {
    let relation = byKey.get(key);
    if (!relation) {
      relation = { total: total === undefined || exact[total] ? -1 : total, parts: [] };
      byKey.set(key, relation);
    }
    relation.parts.push(part);
  };
  cells.forEach((c, i) => {
    if (exact[i]) return;
    for (const parent of geography.parentsOf(c.areaCode)) {
      join(`area\u0000${parent}\u0000${c.areaType}\u0000${c.indicatorId}\u0000${c.period}\u0000${c.breakdown}`, index.get(cellKey(c.indicatorId, parent, c.period, c.breakdown)), i);
    }
    if (c.breakdown !== TOTAL) {
      const dimension = parseBreakdownKey(c.breakdown)?.dimension;
      join(`group\u0000${c.areaCode}\u0000${c.indicatorId}\u0000${c.period}\u0000${dimension}`, index.get(cellKey(c.indicatorId, c.areaCode, c.period, TOTAL)), i);
    }
  });
  return [...byKey.values()];
}

/** Complementary suppression of one count, then audit and extra suppression until no hidden count is narrowed. */
function protect(cells: readonly TableCell[], relations: readonly Relation[], field: Count, hidden: Record<Count, boolean[]>, exact: readonly boolean[]): void {
  const mine = hidden[field];
  const count = (i: number) => cells[i]![field];
  const other = hidden[field === 'numerator' ? 'denominator' : 'numerator'];
  /** Whether hiding part i loses less than hiding part j: a row already hidden for the other count first, then the smaller denominator, count and index. */
  const cheaper = (i: number, j: number) => {
    if (other[i] !== other[j]) return other[i]!;
    const di = cells[i]!.denominator ?? count(i)!;
    const dj = cells[j]!.denominator ?? count(j)!;
    if (di !== dj) return di < dj;
    return count(i)! !== count(j)! ? count(i)! < count(j)! : i < j;
  };
  /** The part of a relation that loses least when hidden, or undefined when none is left. */
  const cheapest = (parts: readonly number[]): number | undefined => {
    let best: number | undefined;
    for (const i of parts) {
      if (mine[i] || exact[i] || !((count(i) ?? 0) > 0)) continue;
      if (best === undefined || cheaper(i, best)) best = i;
    }
    return best;
  };
  const complement = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of relations) {
        if (r.total >= 0 && mine[r.total]) continue;
        let hiddenParts = 0;
        let hiddenSum = 0;
        for (const i of r.parts) {
          if (!mine[i]) continue;
          hiddenParts++;
          hiddenSum += count(i)!;
        }
        if (hiddenParts === 0 || (hiddenParts >= 2 && hiddenSum > hiddenParts)) continue;
        const next = cheapest(r.parts);
        if (next !== undefined) {
          mine[next] = true;
          changed = true;
        }
      }
    }
  };
  const published = (i: number) => (count(i) === null ? { lo: 0, hi: 0 } : mine[i] ? null : exact[i] ? { lo: count(i)!, hi: count(i)! } : roundingWindow(suppressCount(count(i)!).shown!));
  const relationsOf = relationIndex(relations);
  for (let round = 0; ; round++) {
    complement();
    const narrowed = narrowedCells(cells.length, relations, published).filter((i) => mine[i]);
    if (narrowed.length === 0) return;
    const before = mine.filter(Boolean).length;
    for (const i of narrowed) {
      // Widen the hidden count's relation with the fewest hidden members: it is the one that pins it.
      const candidates = (relationsOf.get(i) ?? []).map((r) => ({ r, spare: cheapest(r.parts), hiddenMembers: r.parts.filter((p) => mine[p]).length + (r.total >= 0 && mine[r.total] ? 1 : 0) }));
      const target = candidates.filter((c) => c.spare !== undefined).sort((a, b) => a.hiddenMembers - b.hiddenMembers)[0];
      if (target && round < MAX_AUDIT_ROUNDS) mine[target.spare!] = true;
      else for (const { r } of candidates) for (const p of [...r.parts, r.total]) if (p >= 0 && !exact[p] && (count(p) ?? 0) > 0) mine[p] = true;
    }
    if (mine.filter(Boolean).length === before) throw new Error(`disclosure control cannot protect ${narrowed.length} hidden ${field}s, e.g. ${cellLabel(cells[narrowed[0]!]!)}`);
  }
}

function relationIndex(relations: readonly Relation[]): Map<number, Relation[]> {
  const of = new Map<number, Relation[]>();
  for (const r of relations) {
    for (const i of [...r.parts, r.total]) {
      if (i < 0) continue;
      const list = of.get(i);
      if (list) list.push(r);
      else of.set(i, [r]);
    }
  }
  return of;
}
