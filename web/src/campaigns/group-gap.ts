export interface GroupUptake {
  readonly label: string;
  readonly uptake: number | null;
  /** False for "Not recorded", which takes no part in a gap. */
  readonly recorded: boolean;
}

export interface GroupGap {
  readonly high: { readonly label: string; readonly uptake: number };
  readonly low: { readonly label: string; readonly uptake: number };
  /** Percentage points, high minus low. */
  readonly points: number;
}

/**
 * The uptake gap in one interval: for deprivation, the least minus the most deprived (the last and
 * first recorded groups, given in quintile order); for other breakdowns, the highest minus the
 * lowest group with a value. Null when either end has no value.
 * @example groupGap([{ label: 'Most deprived 20%', uptake: 20, recorded: true }, …, { label: 'Least deprived 20%', uptake: 35, recorded: true }], 'deprivation') // points 15
 */
export function groupGap(groups: readonly GroupUptake[], by: 'deprivation' | 'ethnicity'): GroupGap | null {
  const recorded = groups.filter((g) => g.recorded);
  const pair = by === 'deprivation'
    ? { high: recorded.at(-1), low: recorded[0] }
    : (() => {
        const sorted = recorded.filter((g) => g.uptake !== null).sort((a, b) => b.uptake! - a.uptake!);
        return { high: sorted[0], low: sorted.at(-1) };
      })();
  const { high, low } = pair;
  if (!high || !low || high === low || high.uptake === null || low.uptake === null) return null;
  return { high: { label: high.label, uptake: high.uptake }, low: { label: low.label, uptake: low.uptake }, points: high.uptake - low.uptake };
}
