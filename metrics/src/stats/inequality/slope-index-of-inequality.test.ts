import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../normal-quantile.ts';
import { slopeIndexOfInequality, SiiInputError, type SiiQuantile, type SiiValueType } from './slope-index-of-inequality.ts';
import { quantilesOf } from '../../../test/phe-sii-testdata.ts';

const TOLERANCE = 1e-6;
const near = (actual: number | null | undefined, expected: number) => expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(TOLERANCE);

// Expected values: PHEindicatormethods tests/testthat/testdata_SII.xlsx, by record number (see test/phe-sii-testdata.ts).
describe('slopeIndexOfInequality: point estimates against PHEindicatormethods testdata_SII.xlsx to 1e-6', () => {
  it.each([
    { record: 1, case: 'life expectancy deciles, area1', data: 'LIFE_EXPECTANCY', area: 'area1', sii: 6.9346164736688189, rii: 1.0888180804446217 },
    { record: 11, case: 'life expectancy deciles, area2', data: 'LIFE_EXPECTANCY', area: 'area2', sii: 12.547846636351798, rii: 1.180885620848795 },
    { record: 61, case: 'life expectancy quintiles, area1', data: 'LIFE_EXPECTANCY', area: 'area1', quintiles: true, sii: 7.9193341471008738, rii: 1.1037116952527257 },
    { record: 66, case: 'life expectancy quintiles, area2', data: 'LIFE_EXPECTANCY', area: 'area2', quintiles: true, sii: 3.6215563376545648, rii: 1.0513892712719326 },
    { record: 71, case: 'rate deciles, area1', data: 'RATE', area: 'area1', valueType: 'rate', sii: -3.2752012326471758, rii: 0.40600068953980034 },
    { record: 81, case: 'rate deciles, area2', data: 'RATE', area: 'area2', valueType: 'rate', sii: -2.2876789027787421, rii: 0.53525176979876143 },
    { record: 91, case: 'proportion deciles, area1', data: 'PROPORTION', area: 'area1', valueType: 'proportion', sii: -0.10720032333730493, rii: 0.53340153064655071 },
    { record: 101, case: 'proportion deciles, area2', data: 'PROPORTION', area: 'area2', valueType: 'proportion', sii: -0.0581854710713103, rii: 0.54701284615554346 },
    { record: 111, case: 'proportion ×100, area1', data: 'PROPORTION', area: 'area1', valueType: 'proportion', multiplier: 100, sii: -10.720032333730494, rii: 0.53340153064655071 },
    { record: 121, case: 'proportion ×100, area2', data: 'PROPORTION', area: 'area2', valueType: 'proportion', multiplier: 100, sii: -5.81854710713103, rii: 0.54701284615554346 },
    { record: 131, case: 'proportion ×−100 (SII negated, RII inverted), area1', data: 'PROPORTION', area: 'area1', valueType: 'proportion', multiplier: -100, sii: 10.720032333730494, rii: 1.8747602744744141 },
    { record: 141, case: 'proportion ×−100 (SII negated, RII inverted), area2', data: 'PROPORTION', area: 'area2', valueType: 'proportion', multiplier: -100, sii: 5.81854710713103, rii: 1.8281106321873277 },
  ] as const)('record $record: $case', (c) => {
    const r = slopeIndexOfInequality(quantilesOf(c.data, c.area, 'none', 'quintiles' in c), {
      multiplier: 'multiplier' in c ? c.multiplier : 1,
      valueType: 'valueType' in c ? (c.valueType as SiiValueType) : 'normal',
    });
    near(r.sii, c.sii);
    near(r.rii, c.rii);
    expect(r.confidence).toBeNull();
  });

  it.each([
    { record: 246, data: 'LIFE_EXPECTANCY', area: 'area1', intercept: 78.076630782316712 },
    { record: 256, data: 'LIFE_EXPECTANCY', area: 'area2', intercept: 69.368955793565931 },
    { record: 266, data: 'RATE', area: 'area1', intercept: 5.5138131896310112 },
    { record: 276, data: 'RATE', area: 'area2', intercept: 4.9224047648081726 },
    { record: 286, data: 'PROPORTION', area: 'area1', intercept: 0.22974855336720032 },
    { record: 296, data: 'PROPORTION', area: 'area2', intercept: 0.12844839103602843 },
  ] as const)('record $record: intercept (fitted value at the most deprived end), $data $area', ({ data, area, intercept }) => {
    near(slopeIndexOfInequality(quantilesOf(data, area)).intercept, intercept);
  });

  it('does not depend on the order the quantiles are given in', () => {
    const shuffled = quantilesOf('LIFE_EXPECTANCY', 'area1').reverse();
    near(slopeIndexOfInequality(shuffled).sii, 6.9346164736688189);
  });
});

describe('slopeIndexOfInequality: simulated 95% limits against the same workbook', () => {
  // The workbook's limits are themselves simulated (100,000 or 10,000 repetitions), and our generator is
  // not R's, so the two agree only to simulation error: the order statistic at 2.5% of 100,000 draws
  // varies by about 0.2% of the interval's width (0.6% at 10,000). Allow 2% (5% at 10,000).
  it.each([
    { record: 1, data: 'LIFE_EXPECTANCY', area: 'area1', valueType: 'normal', multiplier: 1, level: 0.95, repetitions: 100_000, sii: [3.1275946176508169, 10.7586873680794], rii: [1.0383690591642838, 1.1412993360251238] },
    { record: 11, data: 'LIFE_EXPECTANCY', area: 'area2', valueType: 'normal', multiplier: 1, level: 0.95, repetitions: 100_000, sii: [11.936156426792138, 13.163020132396579], rii: [1.1713706914325628, 1.1904396357244886] },
    { record: 21, data: 'LIFE_EXPECTANCY', area: 'area1', valueType: 'normal', multiplier: 1, level: 0.99, repetitions: 100_000, sii: [1.9243274437391116, 11.99208403800279], rii: [1.0234148326541768, 1.1587677685047233] },
    { record: 31, data: 'LIFE_EXPECTANCY', area: 'area2', valueType: 'normal', multiplier: 1, level: 0.99, repetitions: 100_000, sii: [11.743647833205888, 13.347203652453951], rii: [1.168320603472105, 1.1934312559878586] },
    { record: 41, data: 'LIFE_EXPECTANCY', area: 'area1', valueType: 'normal', multiplier: 1, level: 0.95, repetitions: 10_000, sii: [3.1421243989944716, 10.805621466984828], rii: [1.0391386444860844, 1.1407094261348529] },
    { record: 51, data: 'LIFE_EXPECTANCY', area: 'area2', valueType: 'normal', multiplier: 1, level: 0.95, repetitions: 10_000, sii: [11.937447333014509, 13.16492301413779], rii: [1.1713692255460837, 1.1905995616725575] },
    { record: 71, data: 'RATE', area: 'area1', valueType: 'rate', multiplier: 1, level: 0.95, repetitions: 100_000, sii: [-3.5868233016744155, -2.9653170017272723], rii: [0.36888170199068804, 0.44624776652446996] },
    { record: 81, data: 'RATE', area: 'area2', valueType: 'rate', multiplier: 1, level: 0.95, repetitions: 100_000, sii: [-2.3985255584029543, -2.1761883614121236], rii: [0.51734312584916309, 0.55373948894972824] },
    { record: 91, data: 'PROPORTION', area: 'area1', valueType: 'proportion', multiplier: 1, level: 0.95, repetitions: 100_000, sii: [-0.11220857220984691, -0.1021798062145461], rii: [0.51712731963580183, 0.55015384129130041] },
    { record: 101, data: 'PROPORTION', area: 'area2', valueType: 'proportion', multiplier: 1, level: 0.95, repetitions: 100_000, sii: [-0.062166295708858489, -0.054174547731294348], rii: [0.52371450740074543, 0.5714617043537692] },
    { record: 131, data: 'PROPORTION', area: 'area1', valueType: 'proportion', multiplier: -100, level: 0.95, repetitions: 100_000, sii: [10.217980621454609, 11.220857220984691], rii: [1.8176733941416052, 1.9337597570831719] },
    { record: 141, data: 'PROPORTION', area: 'area2', valueType: 'proportion', multiplier: -100, level: 0.95, repetitions: 100_000, sii: [5.4174547731294345, 6.216629570885849], rii: [1.7498985362997128, 1.909437271392602] },
  ] as const)('record $record: $data $area, $valueType ×$multiplier at $level, $repetitions repetitions, from se and from limits', (c) => {
    const allowed = c.repetitions < 100_000 ? 0.05 : 0.02;
    for (const by of ['se', 'limits'] as const) {
      const r = slopeIndexOfInequality(quantilesOf(c.data, c.area, by), { multiplier: c.multiplier, valueType: c.valueType, confidence: { level: c.level, repetitions: c.repetitions } });
      const limits = r.confidence!;
      expect(limits).toMatchObject({ level: c.level, repetitions: c.repetitions });
      const siiWidth = c.sii[1] - c.sii[0];
      const riiWidth = c.rii[1] - c.rii[0];
      expect(Math.abs(limits.siiLower - c.sii[0]) / siiWidth, `${by} sii lower`).toBeLessThan(allowed);
      expect(Math.abs(limits.siiUpper - c.sii[1]) / siiWidth, `${by} sii upper`).toBeLessThan(allowed);
      expect(Math.abs(limits.riiLower! - c.rii[0]) / riiWidth, `${by} rii lower`).toBeLessThan(allowed);
      expect(Math.abs(limits.riiUpper! - c.rii[1]) / riiWidth, `${by} rii upper`).toBeLessThan(allowed);
    }
  });
});

describe('slopeIndexOfInequality: the simulation', () => {
  const area1 = quantilesOf('LIFE_EXPECTANCY', 'area1', 'se');

  it('matches the exact normal limits for normal values, whose SII is a weighted sum of normals', () => {
    // Independent of the simulation: SII = Σ cᵢyᵢ with cᵢ = aᵢ(bᵢ − b̄)/Σaⱼ(bⱼ − b̄)², so it is normal with
    // sd √Σcᵢ²seᵢ², and its 95% limits are SII ± 1.959964 sd.
    const total = area1.reduce((s, q) => s + q.population, 0);
    const a = area1.map((q) => q.population / total);
    const b = a.map((ai, i) => a.slice(0, i).reduce((s, x) => s + x, 0) + ai / 2);
    const bBar = a.reduce((s, ai, i) => s + ai * b[i]!, 0);
    const sxx = a.reduce((s, ai, i) => s + ai * (b[i]! - bBar) ** 2, 0);
    const sd = Math.sqrt(area1.reduce((s, q, i) => s + ((a[i]! * (b[i]! - bBar)) / sxx) ** 2 * q.se! ** 2, 0));
    const z = normalQuantile(0.975);
    const r = slopeIndexOfInequality(area1, { confidence: { seed: 11 } });
    expect(Math.abs(r.confidence!.siiLower - (r.sii - z * sd))).toBeLessThan(0.02 * sd);
    expect(Math.abs(r.confidence!.siiUpper - (r.sii + z * sd))).toBeLessThan(0.02 * sd);
  });

  it('gives the same limits for the same seed, and others for another seed', () => {
    const run = (seed: number) => slopeIndexOfInequality(area1, { confidence: { repetitions: 2000, seed } }).confidence;
    expect(run(3)).toEqual(run(3));
    expect(run(3)!.siiLower).not.toBe(run(4)!.siiLower);
  });

  it('negates the SII limits and inverts the RII limits for a negative multiplier', () => {
    // Same draws, so the same simulated SIIs negated; phe_sii's positions round(R × 0.025) and round(R × 0.975)
    // are not mirror images (125th and 4,875th of 5,000), so the swapped limits are neighbouring order statistics.
    const positive = slopeIndexOfInequality(area1, { multiplier: 1, confidence: { repetitions: 5000 } }).confidence!;
    const negative = slopeIndexOfInequality(area1, { multiplier: -1, confidence: { repetitions: 5000 } }).confidence!;
    const siiWidth = positive.siiUpper - positive.siiLower;
    const riiWidth = 1 / positive.riiLower! - 1 / positive.riiUpper!;
    expect(Math.abs(negative.siiLower + positive.siiUpper)).toBeLessThan(0.01 * siiWidth);
    expect(Math.abs(negative.siiUpper + positive.siiLower)).toBeLessThan(0.01 * siiWidth);
    expect(Math.abs(negative.riiLower! - 1 / positive.riiUpper!)).toBeLessThan(0.01 * riiWidth);
    expect(Math.abs(negative.riiUpper! - 1 / positive.riiLower!)).toBeLessThan(0.01 * riiWidth);
  });

  it('uses se when both se and limits are given, as phe_sii does', () => {
    const both = area1.map((q) => ({ ...q, lower95: q.value - 100, upper95: q.value + 100 }));
    expect(slopeIndexOfInequality(both, { confidence: { repetitions: 2000 } }).confidence).toEqual(slopeIndexOfInequality(area1, { confidence: { repetitions: 2000 } }).confidence);
  });

  it('gives no limits without a standard error for every quantile, but still the SII and RII', () => {
    const missing = area1.map((q, i) => (i === 3 ? { ...q, se: null } : q));
    const r = slopeIndexOfInequality(missing, { confidence: {} });
    near(r.sii, 6.9346164736688189);
    expect(r.confidence).toBeNull();
  });

  it('gives no limits for a proportion of 0, whose logit is infinite', () => {
    const zero = quantilesOf('PROPORTION', 'area1', 'limits').map((q, i) => (i === 0 ? { ...q, value: 0, lower95: 0 } : q));
    const r = slopeIndexOfInequality(zero, { valueType: 'proportion', confidence: { repetitions: 1000 } });
    expect(r.confidence).toBeNull();
    expect(Number.isFinite(r.sii)).toBe(true);
  });

  it('gives no RII when the fitted value at the most deprived end is 0', () => {
    const r = slopeIndexOfInequality(Array.from({ length: 5 }, (_, i) => ({ quantile: i + 1, population: 10, value: 0 })));
    expect(r.sii).toBe(0);
    expect(r.intercept).toBe(0);
    expect(r.rii).toBeNull();
  });
});

describe('slopeIndexOfInequality input checks', () => {
  const five = (change: Partial<SiiQuantile> = {}, at = 2): SiiQuantile[] =>
    [1, 2, 3, 4, 5].map((quantile) => ({ quantile, population: 100, value: 0.1 * quantile, ...(quantile === at ? change : {}) }));
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    throw new Error('expected an error');
  };

  it.each([
    { case: 'fewer than five quantiles', quantiles: five().slice(0, 4), message: 'the SII needs between 5 and 100 quantiles (got 4)', field: 'quantile', quantile: null },
    { case: 'a quantile twice', quantiles: five({ quantile: 3 }, 2), message: 'quantiles must be numbered 1 to 5, each once (got 1, 3, 3, 4, 5)', field: 'quantile', quantile: null },
    { case: 'a zero population', quantiles: five({ population: 0 }), message: 'population of quantile 2 must be a finite number > 0 (got 0)', field: 'population', quantile: 2 },
    { case: 'a non-finite value', quantiles: five({ value: Number.NaN }), message: 'value of quantile 2 must be a finite number (got NaN)', field: 'value', quantile: 2 },
    { case: 'a negative standard error', quantiles: five({ se: -1 }), message: 'se of quantile 2 must be a finite number ≥ 0 (got -1)', field: 'se', quantile: 2 },
    { case: 'a lower limit without an upper', quantiles: five({ lower95: 0.1 }), message: 'upper95 of quantile 2 is missing; a standard error from limits needs both lower95 and upper95', field: 'upper95', quantile: 2 },
    { case: 'limits the wrong way round', quantiles: five({ lower95: 0.3, upper95: 0.1 }), message: 'lower95 of quantile 2 must be ≤ upper95 (got 0.3 > 0.1)', field: 'lower95', quantile: 2 },
  ])('rejects $case, naming the field and quantile', ({ quantiles, message, field, quantile }) => {
    const e = error(() => slopeIndexOfInequality(quantiles));
    expect(e).toBeInstanceOf(SiiInputError);
    expect(e).toMatchObject({ message, field, quantile });
  });

  it.each([
    { case: 'a proportion above 1', valueType: 'proportion', quantiles: five({ value: 82 }), message: 'value of quantile 2 must be between 0 and 1 for a proportion (got 82)' },
    { case: 'a proportion limit above 1', valueType: 'proportion', quantiles: five({ lower95: 0.1, upper95: 1.2 }), message: 'upper95 of quantile 2 must be between 0 and 1 for a proportion (got 1.2)' },
    { case: 'a negative rate', valueType: 'rate', quantiles: five({ value: -2 }), message: 'value of quantile 2 must be ≥ 0 for a rate (got -2)' },
  ] as const)('rejects $case', ({ valueType, quantiles, message }) => {
    expect(() => slopeIndexOfInequality(quantiles, { valueType })).toThrow(message);
  });

  it.each([
    { case: 'a zero multiplier', options: { multiplier: 0 }, message: 'multiplier must be a finite number other than 0 (got 0)' },
    { case: 'fewer than 1,000 repetitions', options: { confidence: { repetitions: 999 } }, message: 'repetitions must be an integer ≥ 1000 (got 999)' },
    { case: 'a level given as a percentage', options: { confidence: { level: 95 } }, message: 'confidence level must be at least 0.9 and below 1, as in phe_sii (got 95)' },
    { case: 'a level below 0.9', options: { confidence: { level: 0.8 } }, message: 'confidence level must be at least 0.9 and below 1, as in phe_sii (got 0.8)' },
    { case: 'a fractional seed', options: { confidence: { seed: 1.5 } }, message: 'seed must be a safe integer (got 1.5)' },
  ])('rejects $case', ({ options, message }) => {
    expect(() => slopeIndexOfInequality(five(), options)).toThrow(message);
  });
});
