import { describe, expect, it } from 'vitest';
import { mapInSlices } from './map-in-slices.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('mapInSlices', () => {
  it('maps in order, handing the event loop back between slices of long work', async () => {
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const out = await mapInSlices([1, 2, 3, 4, 5, 6], (n) => {
      busy(3);
      return n * 10;
    });
    clearInterval(ticking);
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    // 18 ms of work in slices of about 5 ms: other callbacks ran in between.
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('does not yield for short work', async () => {
    let turns = 0;
    const ticking = setImmediate(() => turns++);
    const out = await mapInSlices(['a', 'b'], (s) => s.toUpperCase());
    expect(out).toEqual(['A', 'B']);
    expect(turns).toBe(0);
    clearImmediate(ticking);
  });
});
