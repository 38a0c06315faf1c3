import { describe, expect, it } from 'vitest';
import { regularizedGamma } from './regularized-gamma.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('regularizedGamma', () => {
  it.each([0.01, 0.7, 3, 25])('closed form a = 1: P = 1 − e^−x at x = %s', (x) => {
    const { lower, upper } = regularizedGamma(1, x);
    closeRelative(lower, -Math.expm1(-x));
    closeRelative(upper, Math.exp(-x));
  });

  it.each([0.5, 2.5, 6, 40])('closed form a = 3: Q = e^−x(1 + x + x²/2) at x = %s', (x) => {
    closeRelative(regularizedGamma(3, x).upper, Math.exp(-x) * (1 + x + (x * x) / 2));
  });

  // mpmath 1.3.0 gammainc(a, 0, x, regularized=True) and gammainc(a, x, inf, regularized=True) at 50 digits
  it.each([
    { a: 0.5, x: 0.1, lower: 0.34527915398142298, upper: 0.65472084601857702 },
    { a: 10, x: 30, lower: 0.99999287824913718, upper: 7.1217508628155771e-6 },
    { a: 100, x: 90, lower: 0.15822098918643017, upper: 0.84177901081356983 },
    { a: 1000, x: 1010, lower: 0.62767894473699473, upper: 0.37232105526300527 },
    { a: 2.5, x: 0.001, lower: 9.5085345986079498e-9, upper: 0.9999999904914654 },
    { a: 50000, x: 49500, lower: 0.012478315638082799, upper: 0.9875216843619172 },
    { a: 50000, x: 50600, lower: 0.99625363090309459, upper: 0.0037463690969054138 },
    { a: 1e6, x: 1003000, lower: 0.99863825935378241, upper: 0.0013617406462175915 },
  ])('mpmath reference a = $a, x = $x', ({ a, x, lower, upper }) => {
    const tails = regularizedGamma(a, x);
    closeRelative(tails.lower, lower, 1e-12);
    closeRelative(tails.upper, upper, 1e-12);
  });

  it('gives P = 0, Q = 1 at x = 0 and P = 1, Q = 0 at x = ∞', () => {
    expect(regularizedGamma(2, 0)).toEqual({ lower: 0, upper: 1 });
    expect(regularizedGamma(2, Infinity)).toEqual({ lower: 1, upper: 0 });
  });

  it('rejects a shape ≤ 0', () => expect(() => regularizedGamma(0, 1)).toThrow('shape a must be a finite number > 0 (got 0)'));
  it('rejects a negative x', () => expect(() => regularizedGamma(1, -0.5)).toThrow('x must be a number ≥ 0 (got -0.5)'));
  it('rejects NaN', () => expect(() => regularizedGamma(1, Number.NaN)).toThrow(/x must be a number/));
});
