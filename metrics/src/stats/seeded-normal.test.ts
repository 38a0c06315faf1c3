import { describe, expect, it } from 'vitest';
import { seededNormal } from './seeded-normal.ts';

const take = (seed: number, n: number) => {
  const draw = seededNormal(seed);
  return Array.from({ length: n }, draw);
};

describe('seededNormal', () => {
  it('repeats its sequence for a seed, and gives another for another seed (including seeds beyond 32 bits)', () => {
    expect(take(42, 50)).toEqual(take(42, 50));
    expect(take(42, 50)).not.toEqual(take(43, 50));
    expect(take(1, 50)).not.toEqual(take(1 + 2 ** 32, 50));
  });

  it('draws from N(0, 1): mean, variance and tail shares within sampling error of 200,000 draws', () => {
    const n = 200_000;
    const x = take(7, n);
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    // sampling sd: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032, a 2.5% tail share √(0.025 × 0.975 / n) ≈ 0.00035
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.015);
    expect(Math.abs(x.filter((v) => v < -1.959963984540054).length / n - 0.025)).toBeLessThan(0.0017);
    expect(Math.abs(x.filter((v) => v > 1.959963984540054).length / n - 0.025)).toBeLessThan(0.0017);
    expect(x.every(Number.isFinite)).toBe(true);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => seededNormal(0.5)).toThrow('seed must be a safe integer (got 0.5)');
  });
});
