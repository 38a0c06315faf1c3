/** A linear relation of a table: the cell `total` equals the sum of the cells `parts` (indices; total −1 when unpublished). */
export interface Relation {
  readonly total: number;
  readonly parts: readonly number[];
}

/** What an outsider knows of a cell: the range of counts its published figure allows. */
export interface KnownRange {
  readonly lo: number;
  readonly hi: number;
}

/** The counts a published rounded count can stand for: 0 is exact; c ≥ 10 is c − 2 … c + 2, and never below 8. */
export const roundingWindow = (shown: number): KnownRange => (shown === 0 ? { lo: 0, hi: 0 } : { lo: Math.max(8, shown - 2), hi: shown + 2 });

/** A hidden count pinned to this many possible values or fewer counts as recovered: a rounded count already tells five. */
export const RECOVERED_WITHIN = 5;

/**
 * The bounds an attacker gets on every cell by interval arithmetic: each relation "total = sum of
 * parts" tightens the total to [Σ lo, Σ hi] and each part to [lo(total) − Σ hi(others), hi(total) −
 * Σ lo(others)], repeated over every relation until no bound moves. A hidden count (`known` gives
 * null) starts at [1, ∞): zeros are always shown, so a hidden count is at least 1.
 * @param cellCount number of cells (indices 0 … cellCount − 1)
 * @param relations the table's relations
 * @param known the published range of a cell, or null when it is hidden
 * @returns bounds per cell (hi may be Infinity)
 */
export function intervalBounds(cellCount: number, relations: readonly Relation[], known: (i: number) => KnownRange | null): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(cellCount);
  const hi = new Float64Array(cellCount);
  const of: Relation[][] = Array.from({ length: cellCount }, () => []);
  for (const r of relations) for (const i of [...r.parts, r.total]) if (i >= 0) of[i]!.push(r);
  for (let i = 0; i < cellCount; i++) {
    const k = known(i);
    lo[i] = k ? k.lo : 1;
    hi[i] = k ? k.hi : Number.POSITIVE_INFINITY;
  }
  const queued = new Set<Relation>(relations.filter((r) => r.total >= 0));
  const queue = [...queued];
  const tighten = (i: number, newLo: number, newHi: number) => {
    const moved = newLo > lo[i]! || newHi < hi[i]!;
    if (!moved) return;
    lo[i] = Math.max(lo[i]!, newLo);
    hi[i] = Math.min(hi[i]!, newHi);
    for (const r of of[i]!) {
      if (r.total >= 0 && !queued.has(r)) {
        queued.add(r);
        queue.push(r);
      }
    }
  };
  for (let steps = 0; queue.length > 0 && steps < 200 * relations.length + 1000; steps++) {
    const r = queue.shift()!;
    queued.delete(r);
    let sumLo = 0;
    let finiteHi = 0;
    let infinite = 0;
    for (const p of r.parts) {
      sumLo += lo[p]!;
      if (hi[p] === Number.POSITIVE_INFINITY) infinite++;
      else finiteHi += hi[p]!;
    }
    tighten(r.total, sumLo, infinite > 0 ? Number.POSITIVE_INFINITY : finiteHi);
    for (const p of r.parts) {
      const othersLo = sumLo - lo[p]!;
      const othersHi = infinite - (hi[p] === Number.POSITIVE_INFINITY ? 1 : 0) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (hi[p] === Number.POSITIVE_INFINITY ? 0 : hi[p]!);
      tighten(p, lo[r.total]! - othersHi, hi[r.total]! - othersLo);
    }
  }
  return { lo, hi };
}

/** Hidden cells that interval arithmetic pins to `RECOVERED_WITHIN` or fewer possible counts. */
export function narrowedCells(cellCount: number, relations: readonly Relation[], known: (i: number) => KnownRange | null): number[] {
  const { lo, hi } = intervalBounds(cellCount, relations, known);
  const out: number[] = [];
  const hidden = new Set<number>();
  for (const r of relations) for (const i of [...r.parts, r.total]) if (i >= 0 && known(i) === null) hidden.add(i);
  for (const i of hidden) if (hi[i]! - lo[i]! + 1 <= RECOVERED_WITHIN) out.push(i);
  return out.sort((a, b) => a - b);
}
