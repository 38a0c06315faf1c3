import { figure, summarise, type Figure } from './figures.ts';

/** The server's resident set size, `second`s after the load started. */
export interface RssSample {
  readonly second: number;
  readonly rssMiB: number;
}

/**
 * Memory figures of a soak (or another load, named by `label`). RSS swings with each heavy query, so the level after warm-up and at the
 * end are medians over a window of `warmupSeconds` (the first window after warm-up, the last of
 * the run); memory is flat when the end level is within 10 % of the level after warm-up. Also: RSS
 * idle before the load, the largest sample, and how far the largest sample after warm-up is above
 * the level after warm-up.
 */
export function rssFigures(idleMiB: number, samples: readonly RssSample[], warmupSeconds: number, label = 'soak'): Figure[] {
  const end = samples.at(-1)?.second ?? 0;
  const window = (from: number, to: number) => samples.filter((s) => s.second >= from && s.second <= to).map((s) => s.rssMiB);
  const [first, last] = [window(warmupSeconds, 2 * warmupSeconds), window(end - warmupSeconds, end)];
  if (first.length === 0 || last.length === 0 || end < 2 * warmupSeconds) throw new Error(`too few RSS samples for a ${warmupSeconds} s warm-up and two windows after it (run ${end} s)`);
  const [warm, ended] = [summarise(first).median, summarise(last).median];
  const max = Math.max(...samples.map((s) => s.rssMiB));
  const maxAfterWarmup = Math.max(...samples.filter((s) => s.second >= warmupSeconds).map((s) => s.rssMiB));
  const percentOf = (x: number) => ((x - warm) / warm) * 100;
  return [
    figure(`${label}: server RSS idle, before load`, [idleMiB], 'MiB', null),
    figure(`${label}: server RSS after warm-up (${warmupSeconds}–${2 * warmupSeconds} s)`, first, 'MiB', null),
    figure(`${label}: server RSS at end (${end - warmupSeconds}–${end} s)`, last, 'MiB', null),
    figure(`${label}: server RSS max`, [max], 'MiB', null),
    figure(`${label}: server RSS largest sample after warm-up, above its level`, [percentOf(maxAfterWarmup)], '%', null),
    figure(`${label}: server RSS change, after warm-up to end (flat within 10 %)`, [percentOf(ended)], '%', '≤ 10'),
  ];
}
