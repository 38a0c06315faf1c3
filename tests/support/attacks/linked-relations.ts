import type { SumRelation } from './interval-propagation.ts';

/** The parts of a count key (answer-cells.ts `countKey`). */
interface KeyParts {
  readonly indicator: string;
  readonly area: string;
  readonly period: string;
  readonly breakdown: string;
  readonly field: string;
}

function parse(key: string): KeyParts | null {
  const parts = key.split('|');
  if (parts.length !== 6 || parts[0] !== 'count') return null;
  const [, indicator, area, period, breakdown, field] = parts as [string, string, string, string, string, string];
  return { indicator, area, period, breakdown, field };
}

const join = (p: KeyParts) => `count|${p.indicator}|${p.area}|${p.period}|${p.breakdown}|${p.field}`;

/**
 * Parent minus children: each parent's count is the sum of its children's (an ICB of its boroughs,
 * London of its ICBs), wherever the public published the parent and every child for the same
 * indicator, period, breakdown and count.
 */
export function parentChildRelations(keys: Iterable<string>, children: ReadonlyMap<string, readonly string[]>): SumRelation[] {
  const known = new Set(keys);
  const relations: SumRelation[] = [];
  for (const key of known) {
    const p = parse(key);
    const kids = p && children.get(p.area);
    if (!p || !kids || kids.length === 0) continue;
    const parts = kids.map((area) => join({ ...p, area }));
    if (parts.every((k) => known.has(k))) relations.push({ total: key, parts, source: 'parent = Σ children' });
  }
  return relations;
}

/** Year minus quarters: a coarser period's count is the sum of the periods it includes (as `values` reports them). */
export function periodRelations(keys: Iterable<string>, included: ReadonlyMap<string, readonly string[]>): SumRelation[] {
  const known = new Set(keys);
  const relations: SumRelation[] = [];
  for (const key of known) {
    const p = parse(key);
    const periods = p && included.get(p.period);
    if (!p || !periods || periods.length < 2) continue;
    const parts = periods.map((period) => join({ ...p, period }));
    if (parts.every((k) => known.has(k))) relations.push({ total: key, parts, source: 'year = Σ quarters' });
  }
  return relations;
}

/** Breakdown minus total: an area's total is the sum of its groups on one dimension (groups as the public lists them). */
export function breakdownRelations(keys: Iterable<string>, groups: ReadonlyMap<string, readonly string[]>): SumRelation[] {
  const known = new Set(keys);
  const relations: SumRelation[] = [];
  for (const key of known) {
    const p = parse(key);
    if (p?.breakdown !== 'total') continue;
    for (const members of groups.values()) {
      const parts = members.map((breakdown) => join({ ...p, breakdown }));
      if (parts.every((k) => known.has(k))) relations.push({ total: key, parts, source: 'total = Σ groups' });
    }
  }
  return relations;
}

/** Every key a set of relations links: the counts an attack over them goes after. */
export const relationKeys = (relations: readonly SumRelation[]) => relations.flatMap((r) => [r.total, ...r.parts]);
