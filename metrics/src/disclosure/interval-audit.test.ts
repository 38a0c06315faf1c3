import { describe, expect, it } from 'vitest';
import { intervalBounds, narrowedCells } from './interval-audit.ts';

describe('intervalBounds', () => {
  it('bounds two hidden parts of a published total by what the total leaves (worked by hand)', () => {
    // total 40 (shown 40: 38–42) = A (hidden) + B (hidden): each is 1 … 41.
    const { lo, hi } = intervalBounds(3, [{ total: 0, parts: [1, 2] }], (i) => (i === 0 ? { lo: 38, hi: 42 } : null));
    expect([...lo]).toEqual([38, 1, 1]);
    expect([...hi]).toEqual([42, 41, 41]);
  });

  it('pins a lone hidden part to the total minus the published parts, to within their rounding', () => {
    // total 30 (28–32) = A 10 (8–12) + B 15 (13–17) + C hidden: C is 28−12−17 … 32−8−13, i.e. 1 … 11 → floor 1.
    const known = [{ lo: 28, hi: 32 }, { lo: 8, hi: 12 }, { lo: 13, hi: 17 }, null];
    const { lo, hi } = intervalBounds(4, [{ total: 0, parts: [1, 2, 3] }], (i) => known[i]!);
    expect([lo[3], hi[3]]).toEqual([1, 11]);
  });

  it('chains relations: a hidden total fixed by its parts narrows a sibling in the relation above', () => {
    // P = X + Y, with X hidden and X = a + b (both exact 0 and 3 → X is 3). Y hidden: Y = P − X.
    const known = [{ lo: 10, hi: 10 }, null, null, { lo: 0, hi: 0 }, { lo: 3, hi: 3 }];
    const relations = [{ total: 0, parts: [1, 2] }, { total: 1, parts: [3, 4] }];
    const { lo, hi } = intervalBounds(5, relations, (i) => known[i]!);
    expect([lo[1], hi[1], lo[2], hi[2]]).toEqual([3, 3, 7, 7]);
    expect(narrowedCells(5, relations, (i) => known[i]!)).toEqual([1, 2]);
  });
});
