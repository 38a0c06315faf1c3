import { intersect, UNKNOWN, type Interval } from './recovery.ts';

/** A linear relation between counts: `total` = the sum of `parts` (cell keys). */
export interface SumRelation {
  readonly total: string;
  readonly parts: readonly string[];
  /** Which published tables the relation links, for the report. */
  readonly source: string;
}

export interface Propagated {
  readonly bounds: Map<string, Interval>;
  /** Relations that contradicted what was published (the attacker's model did not hold there), left out. */
  readonly dropped: SumRelation[];
}

/** The bounds one relation implies for its total and each part, or null if it cannot hold. */
function tighten(relation: SumRelation, get: (key: string) => Interval): [string, Interval][] | null {
  const parts = relation.parts.map(get);
  const sumLo = parts.reduce((s, p) => s + p.lo, 0);
  // Upper bounds may be infinite (hidden counts): keep the finite sum and how many are not.
  const finiteHi = parts.reduce((s, p) => (Number.isFinite(p.hi) ? s + p.hi : s), 0);
  const infinite = parts.filter((p) => !Number.isFinite(p.hi)).length;
  const total = intersect(get(relation.total), { lo: sumLo, hi: infinite > 0 ? Number.POSITIVE_INFINITY : finiteHi });
  if (total.lo > total.hi) return null;
  const updates: [string, Interval][] = [[relation.total, total]];
  for (const [i, key] of relation.parts.entries()) {
    const part = parts[i]!;
    const partInfinite = !Number.isFinite(part.hi);
    const othersLo = sumLo - part.lo;
    const othersHi = infinite - (partInfinite ? 1 : 0) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (partInfinite ? 0 : part.hi);
    const next = intersect(part, { lo: total.lo - othersHi, hi: total.hi - othersLo });
    if (next.lo > next.hi) return null;
    updates.push([key, next]);
  }
  return updates;
}

/**
 * Interval propagation, as a real attacker combines published tables: each relation bounds its total
 * by the sum of its parts and each part by the total minus the others, over integer intervals, until
 * no bound changes (a worklist: a relation is looked at again when one of its counts narrows). A
 * relation that cannot hold (an unpublished group, a merged area) is dropped and propagation starts
 * again from the published bounds without it.
 */
export function propagate(initial: ReadonlyMap<string, Interval>, relations: readonly SumRelation[], budget = 5_000_000): Propagated {
  const get0 = (key: string) => initial.get(key) ?? UNKNOWN;
  const dropped = relations.filter((r) => tighten(r, get0) === null);
  const left = new Set(dropped);
  let active = relations.filter((r) => !left.has(r));
  for (let restarts = 0; ; restarts += 1) {
    // Past a few contradictions, drop each where it breaks instead of starting again for each.
    const restart = restarts < 20;
    const bounds = new Map(initial);
    const get = (key: string) => bounds.get(key) ?? UNKNOWN;
    const touching = new Map<string, SumRelation[]>();
    for (const r of active) for (const key of [r.total, ...r.parts]) touching.set(key, [...(touching.get(key) ?? []), r]);
    const queue = [...active];
    const queued = new Set(queue);
    let broken: SumRelation | null = null;
    for (let head = 0; head < queue.length && head < budget; head += 1) {
      const relation = queue[head]!;
      queued.delete(relation);
      if (left.has(relation)) continue;
      const updates = tighten(relation, get);
      if (updates === null) {
        if (restart) {
          broken = relation;
          break;
        }
        dropped.push(relation);
        left.add(relation);
        continue;
      }
      for (const [key, next] of updates) {
        const before = get(key);
        if (next.lo === before.lo && next.hi === before.hi) continue;
        bounds.set(key, next);
        for (const r of touching.get(key) ?? []) {
          if (r !== relation && !queued.has(r)) {
            queued.add(r);
            queue.push(r);
          }
        }
      }
    }
    if (broken === null) return { bounds, dropped };
    dropped.push(broken);
    left.add(broken);
    active = active.filter((r) => r !== broken);
  }
}
