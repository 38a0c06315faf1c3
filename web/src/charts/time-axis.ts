const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of an ISO date at midnight UTC: the x value of dated charts. */
export const dateValue = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * Ticks on the first of each month within a time domain, thinned to at most `max` ticks.
 * @example monthTicks([dateValue('2022-08-16'), dateValue('2023-03-31')]) // 1 Sep 2022 … 1 Mar 2023
 */
export function monthTicks([from, to]: readonly [number, number], max = 8): number[] {
  const ticks: number[] = [];
  const d = new Date(from);
  let month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() === 1 ? 0 : 1), 1);
  while (month <= to) {
    ticks.push(month);
    const m = new Date(month);
    month = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  }
  const step = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % step === 0);
}


/** A time domain padded by a few days either side, so marks at its ends are not clipped. */
export const paddedDomain = (values: readonly number[], days = 3): [number, number] => [Math.min(...values) - days * DAY_MS, Math.max(...values) + days * DAY_MS];
