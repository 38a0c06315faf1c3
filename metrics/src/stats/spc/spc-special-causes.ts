/** Which Making Data Count rule flagged a point; `null` (common cause) when none did. */
export type SpcRule =
  | 'above-upper-limit'
  | 'below-lower-limit'
  | 'trend-increasing'
  | 'trend-decreasing'
  | 'two-in-three-above'
  | 'two-in-three-below'
  | 'run-above'
  | 'run-below';

/** One point of a single phase as the rules see it. */
export interface SpcRuleInput {
  readonly value: number;
  /** Sign of value − mean: 1 above, −1 below, 0 exactly on the mean. */
  readonly relativeToMean: -1 | 0 | 1;
  /** Strictly above the upper or below the lower process limit. */
  readonly outsideLimits: boolean;
  /** In the near-limit band (beyond two thirds of the way to a limit) but not outside the limits. */
  readonly nearLimit: boolean;
}

const PATTERN = 7;

/**
 * Special-cause rule of every point of one SPC phase, by the Making Data Count rules in order of
 * precedence (the first that applies names the point):
 * 1. outside the process limits → `above-upper-limit` / `below-lower-limit`;
 * 2. part of 7 consecutive points each strictly higher (lower) than the one before → `trend-increasing`
 *    (`trend-decreasing`); an equal value breaks a trend, which may cross the mean; a point shared by a
 *    rising and a falling trend (the peak or trough) takes the later one;
 * 3. a near-limit point in a window of 3 consecutive points that are all on the same side of the mean and
 *    of which at least 2 are near-limit points → `two-in-three-above` / `-below` (only the near-limit
 *    points are flagged);
 * 4. part of 7 or more consecutive points on the same side of the mean → `run-above` / `run-below`
 *    (a point exactly on the mean breaks the run).
 *
 * Same rules and precedence as NHSRplotthedots 0.2.2 `ptd_spc` (`special_cause_type`). Patterns never
 * span two phases: call this once per phase.
 * @param points the phase's points in time order
 * @returns one rule per point, `null` for common cause
 * @example spcSpecialCauses(points) // [null, null, 'above-upper-limit', …]
 */
export function spcSpecialCauses(points: readonly SpcRuleInput[]): (SpcRule | null)[] {
  const n = points.length;
  const trend = new Array<-1 | 1 | 0>(n).fill(0);
  for (let end = PATTERN - 1; end < n; end++) {
    const direction = monotoneDirection(points, end - PATTERN + 1, end);
    if (direction !== 0) for (let i = end - PATTERN + 1; i <= end; i++) trend[i] = direction;
  }

  const twoInThree = new Array<boolean>(n).fill(false);
  for (let start = 0; start + 3 <= n; start++) {
    const window = points.slice(start, start + 3);
    const side = window[0]!.relativeToMean;
    if (side === 0 || window.some((p) => p.relativeToMean !== side)) continue;
    if (window.filter((p) => p.nearLimit).length < 2) continue;
    for (let i = start; i < start + 3; i++) if (points[i]!.nearLimit) twoInThree[i] = true;
  }

  const run = new Array<boolean>(n).fill(false);
  for (let end = PATTERN - 1; end < n; end++) {
    const side = points[end]!.relativeToMean;
    if (side === 0) continue;
    let same = true;
    for (let i = end - PATTERN + 1; i < end && same; i++) same = points[i]!.relativeToMean === side;
    if (same) for (let i = end - PATTERN + 1; i <= end; i++) run[i] = true;
  }

  return points.map((p, i): SpcRule | null => {
    const above = p.relativeToMean > 0;
    if (p.outsideLimits) return above ? 'above-upper-limit' : 'below-lower-limit';
    if (trend[i] !== 0) return trend[i] === 1 ? 'trend-increasing' : 'trend-decreasing';
    if (twoInThree[i]) return above ? 'two-in-three-above' : 'two-in-three-below';
    if (run[i]) return above ? 'run-above' : 'run-below';
    return null;
  });
}

function monotoneDirection(points: readonly SpcRuleInput[], from: number, to: number): -1 | 0 | 1 {
  let up = true;
  let down = true;
  for (let i = from + 1; i <= to; i++) {
    const step = points[i]!.value - points[i - 1]!.value;
    up &&= step > 0;
    down &&= step < 0;
  }
  return up ? 1 : down ? -1 : 0;
}
