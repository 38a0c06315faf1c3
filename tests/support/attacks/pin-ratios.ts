import type { RatioCell } from './answer-cells.ts';
import type { Ledger } from './ledger.ts';
import { pinRatio } from './precision-pinning.ts';
import { intersect, type Interval } from './recovery.ts';

export interface Pins {
  /** The attacker's knowledge after pinning: the published windows narrowed by every pin. */
  readonly windows: Map<string, Interval>;
  /** The numerator and denominator keys of every ratio the attacker tried to pin. */
  readonly targets: string[];
  /** Pins that contradicted another answer's window (the attacker's model did not hold), ignored. */
  readonly conflicts: number;
}

/** Precision pinning of every published ratio, starting from (and narrowing) what was published. */
export function pinRatios(ledger: Ledger, ratios: readonly RatioCell[], start: ReadonlyMap<string, Interval> = ledger.windows): Pins {
  const windows = new Map(start);
  const targets: string[] = [];
  let conflicts = 0;
  for (const { numeratorKey, denominatorKey, ratio } of ratios) {
    if (ratio.value === null) continue;
    targets.push(numeratorKey, denominatorKey);
    const pinned = pinRatio(ratio);
    if (!pinned) continue;
    for (const [key, window] of [[numeratorKey, pinned.numerator], [denominatorKey, pinned.denominator]] as const) {
      const current = windows.get(key);
      const next = current ? intersect(current, window) : window;
      if (next.lo > next.hi) conflicts += 1;
      else windows.set(key, next);
    }
  }
  return { windows, targets, conflicts };
}
