import { describe, expect, it } from 'vitest';
import { findIndicator } from '../catalogue/indicator-catalogue.ts';
import { indicatorValue } from './indicator-value.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

const close = (a: number | null, e: number) => expect(Math.abs((a ?? NaN) - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));

describe('indicatorValue', () => {
  const mmr1 = findIndicator('imm-mmr1-24m')!;
  const admissions = findIndicator('ast-admissions-u19')!;

  it('gives Wilson percentages for a proportion (PHE testdata_Prop, Area4 65/100 ×100)', () => {
    const row = readReferenceCsv('reference/phe_excel_fixtures/proportion_wilson.csv').find((r) => r.area === 'Area4' && r.multiplier === '100')!;
    const v = indicatorValue(mmr1, 65, 100);
    close(v.value, 65);
    close(v.lower95, num(row.lower95)!);
    close(v.upper998, num(row.upper998)!);
  });

  it('gives exact or Byar limits per 100,000 for a crude rate (PHE testdata_Rate, per 100 000 rows)', () => {
    const rows = readReferenceCsv('reference/phe_excel_fixtures/rate_byars.csv').filter((r) => r.multiplier === '1e+05' || r.multiplier === '100000');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x.numerator !== '' && x.denominator !== '')) {
      const v = indicatorValue(admissions, num(r.numerator)!, num(r.denominator)!);
      close(v.value, num(r.value)!);
      close(v.lower95, num(r.lower95)!);
      close(v.upper95, num(r.upper95)!);
    }
  });

  it('gives nulls for missing counts, a zero denominator, and a proportion above 1', () => {
    expect(indicatorValue(mmr1, null, 10).value).toBeNull();
    expect(indicatorValue(mmr1, 1, 0).value).toBeNull();
    expect(indicatorValue(mmr1, 11, 10).value).toBeNull();
  });
});
