import { describe, expect, it } from 'vitest';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from './comparison-colours.ts';

describe('comparison styles', () => {
  it('give every comparison its own symbol, so none is told from another by colour alone (better ▲ is not higher △)', () => {
    const symbols = [...Object.values(COMPARISON_STYLE).map((s) => s.symbol), SUPPRESSED_STYLE.symbol];
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(COMPARISON_STYLE.better.symbol).not.toBe(COMPARISON_STYLE.higher.symbol);
    expect(COMPARISON_STYLE.worse.symbol).not.toBe(COMPARISON_STYLE.lower.symbol);
  });
});
