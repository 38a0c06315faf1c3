import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of synchronous work between two turns of the event loop. */
const SLICE_MS = 5;

/**
 * `items.map(map)` in slices of about 5 ms, handing the event loop back between them, so shaping a
 * large answer (a region's daily progress by group, ~100 ms) does not hold up every other request
 * meanwhile: a cached answer waits for one slice, not for the whole of another answer.
 */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let sliceStarted = performance.now();
  for (const item of items) {
    out.push(map(item));
    if (performance.now() - sliceStarted > SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
  return out;
}
