import type { Polarity } from '@pathfinder/metrics';

export interface SpineValues {
  readonly polarity: Polarity;
  readonly value: number | null;
  readonly london: number | null;
  readonly england: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Share of each half-width left empty beyond the farthest mark, so symbols are not cut at the ends. */
const MARGIN = 0.06;

/**
 * Maps one indicator's values to 0–1 across its spine, as Fingertips' spine charts do: England sits
 * at the centre (0.5) and the farthest of the range ends, London and the area sets the half-width,
 * so every indicator is scaled on its own. Better is to the right: a lower-better indicator is
 * mirrored; a no-judgement one keeps higher to the right. Without an England value the range's
 * midpoint is the centre.
 */
export function spineScale(v: SpineValues): (value: number) => number {
  const marks = [v.min, v.max, v.value, v.london, v.england].filter((x): x is number => x !== null && Number.isFinite(x));
  const centre = v.england ?? (v.min !== null && v.max !== null ? (v.min + v.max) / 2 : marks[0] ?? 0);
  const halfWidth = Math.max(0, ...marks.map((x) => Math.abs(x - centre))) * (1 + MARGIN);
  const direction = v.polarity === 'lower-better' ? -1 : 1;
  return (value) => (halfWidth === 0 ? 0.5 : 0.5 + (direction * (value - centre)) / (2 * halfWidth));
}

/** The worst and best of a range for this polarity; for no-judgement indicators, the lowest and highest. */
export function worstAndBest(v: Pick<SpineValues, 'polarity' | 'min' | 'max'>): { worst: number | null; best: number | null } {
  return v.polarity === 'lower-better' ? { worst: v.max, best: v.min } : { worst: v.min, best: v.max };
}
