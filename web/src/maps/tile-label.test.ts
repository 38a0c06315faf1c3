import { describe, expect, it } from 'vitest';
import { BOROUGHS } from '@pathfinder/metrics';
import { tileLabel } from './tile-label.ts';

describe('tileLabel', () => {
  it('gives every borough a distinct label of at most four characters', () => {
    const labels = BOROUGHS.map((b) => tileLabel(b.name));
    expect(new Set(labels).size).toBe(BOROUGHS.length);
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(4);
  });
  it('uses conventional abbreviations for long names', () => {
    expect(tileLabel('Hammersmith and Fulham')).toBe('H&F');
    expect(tileLabel('Camden')).toBe('Camd');
  });
});
