import { describe, expect, it } from 'vitest';
import { regularizedBeta } from './regularized-beta.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('regularizedBeta', () => {
  it.each([0.001, 0.3, 0.75, 0.999])('closed form I_x(1, 1) = x at x = %s', (x) => closeRelative(regularizedBeta(x, 1, 1), x));
  it.each([0.2, 0.6, 0.95])('closed form I_x(a, 1) = xᵃ (a = 4.5) at x = %s', (x) => closeRelative(regularizedBeta(x, 4.5, 1), x ** 4.5));
  it('closed form I_0.3(2, 3) = 1 − 0.7⁴ − 4·0.3·0.7³', () => closeRelative(regularizedBeta(0.3, 2, 3), 1 - 0.7 ** 4 - 4 * 0.3 * 0.7 ** 3));
  it('symmetry I_½(50, 50) = ½', () => closeRelative(regularizedBeta(0.5, 50, 50), 0.5));

  // mpmath 1.3.0 betainc(a, b, 0, x, regularized=True) at 40 digits
  it.each([
    { x: 0.9, a: 0.5, b: 5, expected: 0.99999742941030077 },
    { x: 0.1, a: 10, b: 0.5, expected: 1.848027374056375e-11 },
  ])('mpmath reference I_$x($a, $b)', ({ x, a, b, expected }) => closeRelative(regularizedBeta(x, a, b), expected));

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
  it('rejects x outside 0–1', () => expect(() => regularizedBeta(1.5, 2, 3)).toThrow('x must be between 0 and 1 (got 1.5)'));
  it('rejects a shape ≤ 0', () => expect(() => regularizedBeta(0.5, 2, 0)).toThrow('shape b must be a finite number > 0 (got 0)'));
});
