import { toPeriod } from './parse-period.ts';
import type { Period } from './period.ts';

/**
 * Orders periods of any kinds chronologically: by first day, then the shorter first when two
 * start together (a quarter before its financial year). Labels or parsed periods; usable directly
 * as an `Array.prototype.sort` comparator. Throws naming a label that is not a period.
 * @example ['2023/24', '2024-01', '2023/24 Q1', '2022-W41'].sort(comparePeriods) // ['2022-W41', '2023/24 Q1', '2023/24', '2024-01']
 */
export function comparePeriods(a: Period | string, b: Period | string): number {
  const [p, q] = [toPeriod(a), toPeriod(b)];
  if (p.start !== q.start) return p.start < q.start ? -1 : 1;
  if (p.end !== q.end) return p.end < q.end ? -1 : 1;
  return 0;
}

/**
 * Whether `inner` lies entirely within `outer` (every day of it; a period contains itself).
 * @example containsPeriod('2023/24', '2024-03') // true
 * @example containsPeriod('2024-02', '2024-W05') // false (2024-W05 runs 29 January to 4 February)
 */
export function containsPeriod(outer: Period | string, inner: Period | string): boolean {
  const [o, i] = [toPeriod(outer), toPeriod(inner)];
  return o.start <= i.start && i.end <= o.end;
}
