import { describe, expect, it } from 'vitest';
import { insideRings } from './inside-rings.ts';

// A 10 × 10 square with a 4 × 4 hole in its middle (counter-clockwise outer ring, clockwise hole).
const SQUARE: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const HOLE: [number, number][] = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];

describe('insideRings', () => {
  it.each([
    { case: 'inside the square', point: [1, 1] as const, rings: [SQUARE], inside: true },
    { case: 'outside the square', point: [11, 5] as const, rings: [SQUARE], inside: false },
    { case: 'in the hole', point: [5, 5] as const, rings: [SQUARE, HOLE], inside: false },
    { case: 'between the hole and the edge', point: [2, 5] as const, rings: [SQUARE, HOLE], inside: true },
    { case: 'in two separate squares (a multipolygon)', point: [21, 1] as const, rings: [SQUARE, SQUARE.map(([x, y]) => [x + 20, y] as [number, number])], inside: true },
  ])('$case: $inside', ({ point, rings, inside }) => {
    expect(insideRings(rings, point)).toBe(inside);
  });
});
