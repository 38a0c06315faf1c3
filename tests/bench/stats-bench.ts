import { wilsonInterval } from '@pathfinder/metrics';
import { figure, timeRuns, type Figure } from './figures.ts';

/** Wilson 95% and 99.8% intervals for 1M (numerator, denominator) rows: rows per second. */
export async function statsBench(): Promise<Figure[]> {
  const n = 1_000_000;
  const num = new Float64Array(n), den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    den[i] = 50 + ((i * 7919) % 5000);
    num[i] = Math.floor(den[i]! * (0.5 + ((i * 104729) % 1000) / 2200));
  }
  let sink = 0;
  const times = await timeRuns(5, () => {
    for (let i = 0; i < n; i++) {
      const a = wilsonInterval(num[i]!, den[i]!, 0.95);
      const b = wilsonInterval(num[i]!, den[i]!, 0.998);
      sink += a.lower + b.upper;
    }
  });
  if (!Number.isFinite(sink)) throw new Error('unexpected result');
  return [figure('stats: Wilson 95% + 99.8% CIs, 1M rows', times.map((ms) => n / (ms / 1000)), 'rows/s', null)];
}
