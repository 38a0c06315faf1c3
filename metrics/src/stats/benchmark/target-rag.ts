import { POLARITIES, type Polarity } from '../../catalogue/indicator-spec.ts';

export type Rag = 'red' | 'amber' | 'green';

/**
 * Red/amber/green rating of a value against the target(s) that apply to it, by polarity.
 *
 * - One target: green when met (value ≥ target for higher-better, ≤ for lower-better), else red.
 * - Two targets, a minimum and a goal (e.g. 90% minimum and 95% target for 12-month DTaP/IPV/Hib3):
 *   green when the stricter one is met, amber when only the other is, red when neither is. The order
 *   they are given in does not matter.
 *
 * Meeting a target exactly counts as meeting it. Returns null when there is no target, the indicator
 * has no judgement, or the value is missing. Source: INDICATORS.md "Comparison with a target".
 * @param value the area's value, in the indicator's unit (e.g. percent)
 * @param targets the targets in force for the period, same unit; at most two
 * @param polarity the indicator's polarity
 * @example
 * targetRag(92.4, [95], 'higher-better') // 'red'
 * targetRag(92.4, [90, 95], 'higher-better') // 'amber'
 * targetRag(54, [55, 60], 'higher-better') // 'red'
 */
export function targetRag(value: number | null, targets: readonly number[], polarity: Polarity): Rag | null {
  if (!POLARITIES.includes(polarity)) throw new RangeError(`polarity must be one of ${POLARITIES.join(', ')} (got ${String(polarity)})`);
  if (value !== null && !Number.isFinite(value)) throw new RangeError(`value must be a finite number or null (got ${value})`);
  if (targets.length > 2) throw new RangeError(`at most two targets can be rated against (got ${targets.length})`);
  targets.forEach((t) => {
    if (!Number.isFinite(t)) throw new RangeError(`targets must be finite numbers (got ${t})`);
  });
  if (value === null || targets.length === 0 || polarity === 'no-judgement') return null;

  const meets = (target: number) => (polarity === 'higher-better' ? value >= target : value <= target);
  const [low, high] = [Math.min(...targets), Math.max(...targets)];
  const [goal, minimum] = polarity === 'higher-better' ? [high, low] : [low, high];
  if (meets(goal)) return 'green';
  if (targets.length === 2 && meets(minimum)) return 'amber';
  return 'red';
}
