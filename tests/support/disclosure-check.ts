import { ENGLAND } from '@pathfinder/metrics';

/** Fields that carry counts of people or events in any answer. */
const COUNT_FIELDS = ['numerator', 'denominator', 'vaccinated', 'children', 'doses', 'count'] as const;
const DERIVED_FIELDS = ['value', 'lower95', 'upper95', 'lower998', 'upper998', 'coverage'] as const;

/** A count the public may see below national level: 0, or a multiple of 5 from 10 up (1–7 are hidden, the rest rounded). */
export const isPublishableCount = (n: number) => n === 0 || (n >= 10 && n % 5 === 0);

/**
 * Every count in a JSON answer that breaks disclosure control for the public, with where it is:
 * a count in 1–7 or not a multiple of 5 for any area but England, and any derived value left on a
 * row flagged `suppressed`. The area of a row is its own `areaCode`, else the nearest enclosing
 * `area.code` (trend points, inequality groups, profile rows).
 */
export function disclosureViolations(body: unknown, path = '$', areaCode: string | null = null): string[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => disclosureViolations(item, `${path}[${i}]`, areaCode));
  if (body === null || typeof body !== 'object') return [];
  const node = body as Record<string, unknown>;
  const area = node.area as { code?: unknown } | undefined;
  const own = typeof node.areaCode === 'string' ? node.areaCode : areaCode;
  const forChildren = typeof area?.code === 'string' ? area.code : own;
  const problems: string[] = [];
  if (own !== ENGLAND.code) {
    for (const field of COUNT_FIELDS) {
      const v = node[field];
      if (typeof v === 'number' && !isPublishableCount(v)) problems.push(`${path}.${field} = ${v} (area ${own ?? 'unknown'})`);
    }
  }
  if (node.suppressed === true) {
    for (const field of DERIVED_FIELDS) if (typeof node[field] === 'number') problems.push(`${path}.${field} = ${node[field]} on a suppressed row`);
  }
  for (const [key, value] of Object.entries(node)) {
    // A funnel's limits are its x axis (denominators 1, 2, 3, …), not data.
    if (key === 'limits') continue;
    if (value !== null && typeof value === 'object') problems.push(...disclosureViolations(value, `${path}.${key}`, key === 'area' ? own : forChildren));
  }
  return problems;
}

/** A child row as differencing sees it: its parent and whether disclosure control hid the count. */
export interface ChildCount {
  readonly parent: string | null;
  readonly hidden: boolean;
}

/**
 * Parents whose published total, minus their published children, would give away exactly one
 * hidden child: the differencing attack secondary suppression must prevent.
 */
export function recoverableByDifference(parentTotals: ReadonlyMap<string, number | null>, children: readonly ChildCount[]): string[] {
  const found: string[] = [];
  for (const [parent, total] of parentTotals) {
    if (total === null) continue;
    const mine = children.filter((c) => c.parent === parent);
    if (mine.filter((c) => c.hidden).length === 1) found.push(`${parent}: total ${total} published with ${mine.length - 1} of its ${mine.length} children`);
  }
  return found;
}
