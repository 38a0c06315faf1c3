import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-14) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe('logGamma', () => {
  it.each([
    { case: 'Γ(1) = 1', x: 1, expected: 0 },
    { case: 'Γ(2) = 1', x: 2, expected: 0 },
    { case: 'Γ(10) = 9!', x: 10, expected: Math.log(362880) },
    { case: 'Γ(½) = √π', x: 0.5, expected: 0.5 * Math.log(Math.PI) },
    { case: 'Γ(3/2) = √π/2', x: 1.5, expected: Math.log(Math.sqrt(Math.PI) / 2) },
  ])('closed form: $case', ({ x, expected }) => closeRelative(logGamma(x), expected));

  // mpmath 1.3.0 loggamma at 40 digits
  it.each([
    { x: 100.5, expected: 361.43554046777762 },
    { x: 1e5, expected: 1051287.7089736569 },
    { x: 3.7e-5, expected: 10.204571289466385 },
    { x: 1e10, expected: 220258509288.81058 },
  ])('mpmath reference at x = $x', ({ x, expected }) => closeRelative(logGamma(x), expected));

  it.each([0, -1, Number.NaN, Infinity])('rejects x = %s', (x) => expect(() => logGamma(x)).toThrow(`x must be a finite number > 0 (got ${x})`));
});
