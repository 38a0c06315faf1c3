import { describe, expect, it } from 'vitest';
import { publishedCountBounds, type PublishedCount } from './published-count-bounds.ts';

const shown = (n: number): PublishedCount => ({ hidden: false, shown: n });
const HIDDEN: PublishedCount = { hidden: true };
const MISSING: PublishedCount = { hidden: false, shown: null };

// Every expected bound below is worked by hand from the rule: a shown 0 is exact, a shown c ≥ 10 is c − 2 to c + 2, a hidden count ≥ 1.
describe('publishedCountBounds', () => {
  it('gives shown counts their rounding window and a hidden part the total less the others', () => {
    // hidden = total − 10: from 18 − 12 = 6 to 22 − 8 = 14.
    expect(publishedCountBounds([shown(20), shown(10), HIDDEN], [{ total: 0, parts: [1, 2] }])).toEqual([{ lo: 18, hi: 22 }, { lo: 8, hi: 12 }, { lo: 6, hi: 14 }]);
  });

  it('narrows two hidden parts to 1–5 when the shown parts leave little of the total (22 − 8 − 8 − the other’s 1)', () => {
    const bounds = publishedCountBounds([shown(20), shown(10), shown(10), HIDDEN, HIDDEN], [{ total: 0, parts: [1, 2, 3, 4] }]);
    expect(bounds.slice(3)).toEqual([{ lo: 1, hi: 5 }, { lo: 1, hi: 5 }]);
    // And the shown parts: each at most 22 − 8 − 1 − 1 = 12, their window anyway.
    expect(bounds[1]).toEqual({ lo: 8, hi: 12 });
  });

  it('carries what one sum learns about a shared total into another sum of it', () => {
    // Total shown 25 (23–27); by sex 10 + 10 (8–12 each), so at most 24; by quintile 15 (13–17) and two hidden,
    // each hidden then at most 24 − 13 − 1 = 10, where the quintile sum alone would leave 27 − 13 − 1 = 13.
    const counts = [shown(25), shown(10), shown(10), shown(15), HIDDEN, HIDDEN];
    const bySex = { total: 0, parts: [1, 2] };
    const byQuintile = { total: 0, parts: [3, 4, 5] };
    const both = publishedCountBounds(counts, [byQuintile, bySex]);
    expect(both[0]).toEqual({ lo: 23, hi: 24 });
    expect(both.slice(4)).toEqual([{ lo: 1, hi: 10 }, { lo: 1, hi: 10 }]);
    expect(publishedCountBounds(counts, [byQuintile]).slice(4)).toEqual([{ lo: 1, hi: 13 }, { lo: 1, hi: 13 }]);
  });

  it('bounds nothing from above when the total is hidden too, and knows a shown 0 exactly', () => {
    expect(publishedCountBounds([HIDDEN, HIDDEN, HIDDEN, shown(0)], [{ total: 0, parts: [1, 2, 3] }])).toEqual([
      { lo: 2, hi: Number.POSITIVE_INFINITY }, { lo: 1, hi: Number.POSITIVE_INFINITY }, { lo: 1, hi: Number.POSITIVE_INFINITY }, { lo: 0, hi: 0 },
    ]);
  });

  it('takes a missing count as anything from 0, so a hidden sibling is bounded by the total alone', () => {
    expect(publishedCountBounds([shown(10), MISSING, HIDDEN], [{ total: 0, parts: [1, 2] }])).toEqual([{ lo: 8, hi: 12 }, { lo: 0, hi: 11 }, { lo: 1, hi: 12 }]);
  });

  it('refuses counts no truth fits', () => {
    expect(() => publishedCountBounds([shown(10), shown(20), shown(0)], [{ total: 0, parts: [1, 2] }])).toThrow(RangeError);
  });
});
