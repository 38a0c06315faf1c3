import { describe, expect, it } from 'vitest';
import { rollUpChildren, type ChildCounts } from './roll-up-children.ts';

/** Children A, B, C… with these counts. */
const children = (...counts: Omit<ChildCounts, 'areaCode'>[]): ChildCounts[] => counts.map((c, i) => ({ areaCode: String.fromCharCode(65 + i), ...c }));

describe('rollUpChildren', () => {
  it('sums every child when all have both counts, with no note', () => {
    expect(rollUpChildren(children({ numerator: 60, denominator: 80 }, { numerator: 30, denominator: 50 }), ['A', 'B'], 'borough')).toEqual({ numerator: 90, denominator: 130, suppressed: false, valueNote: null });
  });

  it('does not compute a parent when a required child has no row, even if another child is there in its place', () => {
    expect(rollUpChildren(children({ numerator: 60, denominator: 80 }), ['A', 'B'], 'borough')).toBeNull();
    expect(rollUpChildren(children({ numerator: 60, denominator: 80 }, { numerator: 1, denominator: 2 }), ['A', 'C'], 'borough')).toBeNull();
    expect(rollUpChildren([], [], 'borough')).toBeNull();
  });

  it('sums complete pairs only, never a denominator without its numerator, and says which were left out and why', () => {
    const incomplete = children(
      { numerator: 60, denominator: 80 },
      { numerator: null, denominator: 900, valueNote: 'blank' },
      { numerator: null, denominator: null, valueNote: '[x] excluded by UKHSA: data quality' },
      { numerator: 5, denominator: null },
    );
    expect(rollUpChildren(incomplete, ['A', 'B', 'C', 'D'], 'borough')).toEqual({
      numerator: 60,
      denominator: 80,
      suppressed: false,
      valueNote: 'sum of 1 of 4 boroughs; 3 left out: [x] excluded by UKHSA: data quality; blank; no counts',
    });
  });

  it('gives null counts, with the note, when no child is complete', () => {
    expect(rollUpChildren(children({ numerator: null, denominator: null }), ['A'], 'practice')).toEqual({ numerator: null, denominator: null, suppressed: false, valueNote: 'sum of 0 of 1 practices; 1 left out: no counts' });
  });

  it('hides the parent when a child is hidden', () => {
    expect(rollUpChildren(children({ numerator: 60, denominator: 80 }, { numerator: null, denominator: null, suppressed: true }), ['A', 'B'], 'borough')).toEqual({ numerator: null, denominator: null, suppressed: true, valueNote: null });
  });

  it('sums a child that may be absent when it is there', () => {
    expect(rollUpChildren(children({ numerator: 1, denominator: 2 }, { numerator: 3, denominator: 4 }), ['A'], 'borough')).toMatchObject({ numerator: 4, denominator: 6, valueNote: null });
  });
});
