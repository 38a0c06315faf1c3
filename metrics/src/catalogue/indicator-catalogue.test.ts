import { describe, expect, it } from 'vitest';
import { INDICATORS, findIndicator, parseCatalogue } from './indicator-catalogue.ts';
import { COVER_MEASURE_NAMES, type Indicator, type IndicatorSpec } from './indicator-spec.ts';
import { readReferenceCsv } from '../../test/reference.ts';

const spec = (overrides: Record<string, unknown>): IndicatorSpec => ({ ...findIndicator('imm-mmr1-24m')!, id: 'imm-test', coverMeasure: undefined, ...overrides }) as IndicatorSpec;
const byDomain = (domain: Indicator['domain']) => INDICATORS.filter((i) => i.domain === domain);

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
      expect(Object.isFrozen(i.targets), `${i.id} targets`).toBe(true);
      expect(Object.isFrozen(i.definition), `${i.id} definition`).toBe(true);
    }
  });

  it('rejects a spec whose method does not fit its unit, naming the indicator', () => {
    const bad = { ...INDICATORS[0]!, id: 'imm-bad', unit: 'per 100,000' as const };
    expect(() => parseCatalogue([bad])).toThrow(/indicator imm-bad: .*percentage/);
  });

  it('rejects duplicate ids', () => {
    expect(() => parseCatalogue([INDICATORS[0]!, INDICATORS[0]!])).toThrow(/defined twice/);
  });

  it.each([
    { case: 'a multiplier that does not match the unit', overrides: { multiplier: 1000 }, error: /imm-test: multiplier: unit % means multiplier 100 \(got 1000\)/ },
    { case: 'a crude rate shown as a percentage', overrides: { method: 'byar-rate' }, error: /imm-test: unit: a crude rate needs a "per N" unit \(got %\)/ },
    { case: 'an unknown field (a typo)', overrides: { fingertipId: 1 }, error: /imm-test: .*fingertipId/ },
    { case: 'a COVER measure that COVER does not publish', overrides: { coverMeasure: '24m_MMR3' }, error: /imm-test: coverMeasure: / },
    { case: 'a COVER measure outside immunisation', overrides: { domain: 'asthma', coverMeasure: '5y_MMR2' }, error: /imm-test: coverMeasure: a COVER measure belongs to an immunisation/ },
    { case: 'a target on a no-judgement indicator', overrides: { polarity: 'no-judgement' }, error: /imm-test: targets: a no-judgement indicator has no targets/ },
    { case: 'a percentage target over 100', overrides: { targets: [{ value: 150, label: 'x', source: 'y' }] }, error: /imm-test: targets.0.value: a percentage target lies in 0–100 \(got 150\)/ },
    { case: 'a target ending before it starts', overrides: { targets: [{ value: 90, label: 'x', source: 'y', from: '2025-04-01', until: '2024-03-31' }] }, error: /imm-test: targets.0: target starts after it ends/ },
    { case: 'a target without a source', overrides: { targets: [{ value: 90, label: 'x', source: '' }] }, error: /imm-test: targets.0.source: / },
    { case: 'a repeated area type', overrides: { areaTypes: ['borough', 'borough'] }, error: /imm-test: areaTypes: area types must not repeat/ },
  ])('rejects $case, naming the indicator and field', ({ overrides, error }) => {
    expect(() => parseCatalogue([spec(overrides)])).toThrow(error);
  });

  it('rejects two indicators claiming one COVER measure', () => {
    expect(() => parseCatalogue([findIndicator('imm-mmr1-24m')!, spec({ coverMeasure: '24m_MMR1' })])).toThrow(/indicator imm-test: COVER measure 24m_MMR1 is already mapped to imm-mmr1-24m/);
  });
});

describe('indicator registry', () => {
  it('has the fixed ids other packages rely on', () => {
    const ids = INDICATORS.map((i) => i.id);
    for (const id of ['imm-dtap-ipv-hib3-12m', 'imm-mmr1-24m', 'imm-mmr1-5y', 'imm-mmr2-5y', 'imm-dtap-ipv-booster-5y', 'imm-polio-booster-2022', 'ast-admissions-u19', 'htn-ttt-79', 'can-fds-28d', 'can-screen-cervical-25-49']) {
      expect(ids, id).toContain(id);
    }
  });

  it('covers the INDICATORS.md minimum catalogue in every domain', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(28);
    expect(byDomain('immunisation').length).toBeGreaterThanOrEqual(17);
    expect(byDomain('asthma')).toHaveLength(5);
    expect(byDomain('hypertension')).toHaveLength(5);
    // 7 rows in INDICATORS.md; the cervical row has two age bands (25–49 over 3.5 years, 50–64 over 5.5 years)
    expect(byDomain('cancer')).toHaveLength(8);
  });

  it('prefixes every id with its domain', () => {
    const prefix = { immunisation: 'imm-', asthma: 'ast-', hypertension: 'htn-', cancer: 'can-' };
    for (const i of INDICATORS) expect(i.id.startsWith(prefix[i.domain]), i.id).toBe(true);
  });

  describe('COVER measures (shared/data/immunisation)', () => {
    const rows = readReferenceCsv('data/immunisation/cover_london_utla_quarterly_2018-19_to_2024-25.csv');
    const measures = [...new Set(rows.map((r) => r.measure!))].sort();
    const birthday = { '12m': 'first birthday', '24m': 'second birthday', '5y': 'fifth birthday' } as Record<string, string>;

    it('reads the 14 measures of the extract', () => {
      expect(rows).toHaveLength(12_544);
      expect(measures).toHaveLength(14);
      expect([...COVER_MEASURE_NAMES].sort()).toEqual(measures);
    });

    it.each(measures)('maps %s to exactly one indicator, for the right cohort', (measure) => {
      const mapped = INDICATORS.filter((i) => i.coverMeasure === measure);
      expect(mapped.map((i) => i.id)).toHaveLength(1);
      const cohort = rows.find((r) => r.measure === measure)!.cohort!;
      expect(measure.startsWith(`${cohort}_`)).toBe(true);
      expect(mapped[0]!.definition.denominator).toContain(birthday[cohort]);
      expect(mapped[0]!.definition.numerator).toContain(birthday[cohort]);
      expect(mapped[0]!.targets.map((t) => t.value)).toContain(95);
    });
  });

  it.each(INDICATORS.map((i) => ({ id: i.id, i })))('$id: its method fits its unit and multiplier', ({ i }) => {
    const fits: Record<string, { unit: string; multiplier: number }[]> = {
      'wilson-proportion': [{ unit: '%', multiplier: 100 }],
      'byar-rate': [{ unit: 'per 100,000', multiplier: 100_000 }, { unit: 'per 1,000', multiplier: 1_000 }],
      'dobson-dsr': [{ unit: 'per 100,000', multiplier: 100_000 }, { unit: 'per 1,000', multiplier: 1_000 }],
      ratio: [{ unit: '%', multiplier: 100 }, { unit: 'ratio', multiplier: 1 }],
    };
    expect(fits[i.method]).toContainEqual({ unit: i.unit, multiplier: i.multiplier });
  });

  it.each(INDICATORS.map((i) => ({ id: i.id, i })))('$id: is fully described and its targets are sourced', ({ i }) => {
    expect(i.definition.numerator.length).toBeGreaterThan(10);
    expect(i.definition.denominator.length).toBeGreaterThan(10);
    expect(i.areaTypes.length).toBeGreaterThan(0);
    expect(i.caveats.length).toBeGreaterThan(0);
    if (i.polarity === 'no-judgement') expect(i.targets).toEqual([]);
    for (const t of i.targets) {
      expect(t.source.trim().length).toBeGreaterThan(0);
      expect(t.label).toContain(String(t.value));
    }
  });

  const targetsOf = (id: string) => findIndicator(id)!.targets.map(({ value, from, until }) => ({ value, from, until }));

  it.each([
    { id: 'imm-dtap-ipv-hib3-12m', targets: [{ value: 95 }, { value: 90 }] }, // INDICATORS.md: 95% target, 90% minimum
    { id: 'htn-ttt-79', targets: [{ value: 77, from: '2023-04-01', until: '2024-03-31' }, { value: 80, from: '2024-04-01', until: '2025-03-31' }] }, // 77% by March 2024, 80% by March 2025
    {
      id: 'can-fds-28d',
      targets: [{ value: 75, from: '2021-04-01' }, { value: 77, from: '2024-04-01', until: '2025-03-31' }, { value: 80, from: '2025-04-01', until: '2026-03-31' }],
    }, // 75% standard, 77% by March 2025, 80% by March 2026
    { id: 'can-treat-62d', targets: [{ value: 85 }] },
    { id: 'can-treat-31d', targets: [{ value: 96 }] },
    { id: 'can-early-stage', targets: [{ value: 75, until: '2028-12-31' }] },
    { id: 'can-screen-cervical-25-49', targets: [{ value: 80 }] },
    { id: 'can-screen-breast-53-70', targets: [{ value: 70 }, { value: 80 }] }, // acceptable, achievable
    { id: 'can-screen-bowel-60-74', targets: [{ value: 55 }, { value: 60 }] },
  ])('$id has the targets INDICATORS.md gives', ({ id, targets }) => {
    expect(targetsOf(id)).toEqual(targets.map((t) => ({ from: undefined, until: undefined, ...t })));
  });

  it.each([
    { id: 'imm-dtap-ipv-hib3-12m', fingertipsId: 30306 },
    { id: 'imm-mmr1-24m', fingertipsId: 30309 },
    { id: 'ast-admissions-u19', fingertipsId: 90810 },
  ])('$id carries Fingertips id $fingertipsId', ({ id, fingertipsId }) => {
    expect(findIndicator(id)?.fingertipsId).toBe(fingertipsId);
  });

  it('reports asthma admissions as a crude rate per 100,000 where lower is better', () => {
    expect(findIndicator('ast-admissions-u19')).toMatchObject({ method: 'byar-rate', unit: 'per 100,000', multiplier: 100_000, polarity: 'lower-better' });
  });

  it('reports the hypertension diagnosis gap as a ratio', () => {
    expect(findIndicator('htn-diagnosis-gap')).toMatchObject({ method: 'ratio', polarity: 'higher-better' });
  });

  it('tracks the 2022 polio booster campaign weekly, by age', () => {
    expect(findIndicator('imm-polio-booster-2022')).toMatchObject({ frequency: 'weekly', method: 'wilson-proportion', targets: [] });
    expect(findIndicator('imm-polio-booster-2022')?.breakdowns).toContain('age');
  });

  it('runs the cancer waiting-time standards monthly', () => {
    for (const id of ['can-fds-28d', 'can-treat-62d', 'can-treat-31d']) expect(findIndicator(id)?.frequency, id).toBe('monthly');
  });
});
