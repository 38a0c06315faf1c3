import { describe, expect, it } from 'vitest';
import { INDICATORS, findIndicator, parseCatalogue } from './indicator-catalogue.ts';

describe('indicator catalogue', () => {
  it('defines MMR1 at 24 months as a Wilson percentage with the 95% target', () => {
    const mmr1 = findIndicator('imm-mmr1-24m');
    expect(mmr1).toMatchObject({ method: 'wilson-proportion', unit: '%', multiplier: 100, polarity: 'higher-better', coverMeasure: '24m_MMR1', fingertipsId: 30309 });
    expect(mmr1?.targets.map((t) => t.value)).toContain(95);
  });

  it('gives every indicator a source and frozen definition', () => {
    for (const i of INDICATORS) {
      expect(i.source.name.length, i.id).toBeGreaterThan(0);
      expect(Object.isFrozen(i)).toBe(true);
    }
  });

  it('rejects a spec whose method does not fit its unit, naming the indicator', () => {
    const bad = { ...INDICATORS[0]!, id: 'imm-bad', unit: 'per 100,000' as const };
    expect(() => parseCatalogue([bad])).toThrow(/indicator imm-bad: .*percentage/);
  });

  it('rejects duplicate ids', () => {
    expect(() => parseCatalogue([INDICATORS[0]!, INDICATORS[0]!])).toThrow(/defined twice/);
  });
});
