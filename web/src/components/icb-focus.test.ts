import { describe, expect, it } from 'vitest';
import { areasBelow, countsTowardsGoal, practicesToTarget } from './icb-focus.ts';

const row = (name: string, value: number | null, suppressed = false) => ({ name, value, suppressed });

describe('an ICB’s areas and practices against London and the target', () => {
  it('lists the areas below the benchmark, furthest below first, leaving out suppressed and missing values', () => {
    const rows = [row('Hackney', 88.1), row('Newham', 84.2), row('Havering', 93.4), row('City', 70, true), row('Redbridge', null), row('Barking', 91.9)];
    expect(areasBelow(rows, 92).map((r) => r.name)).toEqual(['Newham', 'Hackney', 'Barking']);
    expect(areasBelow(rows, null)).toEqual([]);
    expect(areasBelow([row('Level', 92)], 92)).toEqual([]); // equal is not below
  });

  it('ranks practices by children still needed, the larger first among equals, without those at the goal', () => {
    const p = (areaName: string, numerator: number, denominator: number) => ({ areaName, numerator, denominator });
    const ranked = practicesToTarget([p('Small gap', 90, 100), p('At goal', 96, 100), p('Big gap', 60, 100), p('Same gap, larger', 185, 200), p('Tiny', 1, 2)], 95, 3);
    expect(ranked.map((r) => [r.areaName, r.needed])).toEqual([['Big gap', 35], ['Same gap, larger', 5], ['Small gap', 5]]);
  });

  it('counts children towards a goal only for a vaccination percentage where higher is better', () => {
    expect(countsTowardsGoal({ domain: 'immunisation', unit: '%', polarity: 'higher-better' })).toBe(true);
    expect(countsTowardsGoal({ domain: 'immunisation', unit: '%', polarity: 'lower-better' })).toBe(false);
    expect(countsTowardsGoal({ domain: 'immunisation', unit: 'per 100,000', polarity: 'higher-better' })).toBe(false);
    expect(countsTowardsGoal({ domain: 'hypertension', unit: '%', polarity: 'higher-better' })).toBe(false);
  });
});
