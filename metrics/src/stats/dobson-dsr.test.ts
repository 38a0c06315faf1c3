import { describe, expect, it } from 'vitest';
import { dobsonDsr, ESP2013, type DsrBand, type DsrBandByFrequency } from './dobson-dsr.ts';
import { num, readReferenceCsv, type CsvRow } from '../../test/reference.ts';

const closeTo = (tolerance: number) => (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
};

const groupBy = (rows: CsvRow[], key: string) => {
  const groups = new Map<string, CsvRow[]>();
  for (const r of rows) groups.set(r[key]!, [...(groups.get(r[key]!) ?? []), r]);
  return groups;
};

const multiarea = groupBy(readReferenceCsv('reference/phe_excel_fixtures/dsr_multiarea_input.csv'), 'area');
const bandsOf = (rows: CsvRow[], standard: string): DsrBand[] =>
  rows.map((r) => ({ count: num(r.count), population: num(r.pop)!, standardPopulation: num(r[standard])! }));
const esp1976Bands = bandsOf(readReferenceCsv('reference/phe_excel_fixtures/dsr_esp1976_input.csv'), 'esp1976');
const nonIndependent = new Map(
  [...groupBy(readReferenceCsv('reference/phe_excel_fixtures/dsr_nonindependent_input_long.csv'), 'area')].map(([area, rows]) => [
    area,
    [...groupBy(rows, 'ageband').values()].map(
      (band): DsrBandByFrequency => ({
        population: num(band[0]!.pop)!,
        standardPopulation: num(band[0]!.esp2013)!,
        personsByFrequency: band.map((r) => ({ frequency: num(r.eventfreq)!, persons: num(r.persons) })),
      }),
    ),
  ]),
);

const inputs: Record<string, { bands: (area: string) => DsrBand[] | DsrBandByFrequency[]; multiplier: number; tolerance: number; check998: boolean }> = {
  multiarea_per10000: { bands: (area) => bandsOf(multiarea.get(area)!, 'esp2013'), multiplier: 10_000, tolerance: 1e-9, check998: true },
  multiarea_per100000: { bands: (area) => bandsOf(multiarea.get(area)!, 'esp2013'), multiplier: 100_000, tolerance: 1e-9, check998: true },
  // The workbook's 99.8% columns for ESP 1976 are 10× too large (reference README §2); the package tests skip them too.
  esp1976_per10000: { bands: () => esp1976Bands, multiplier: 10_000, tolerance: 1e-9, check998: false },
  esp1976_per100000: { bands: () => esp1976Bands, multiplier: 100_000, tolerance: 1e-9, check998: false },
  // Rounded to about 10 significant digits in the workbook.
  nonindependent_per100000: { bands: (area) => nonIndependent.get(area)!, multiplier: 100_000, tolerance: 1e-9, check998: true },
};

describe('dobsonDsr against PHEindicatormethods testresults_DSR (reference/phe_excel_fixtures/dsr_expected_results.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/dsr_expected_results.csv');
  it('has the reference cases', () => expect(rows.length).toBe(12));
  it.each(rows.map((r) => ({ case: `${r.case} ${r.area}`, r })))('$case', ({ r }) => {
    const setup = inputs[r.case!]!;
    const close = closeTo(setup.tolerance);
    const bands = setup.bands(r.area!);
    const dsr95 = dobsonDsr(bands, { multiplier: setup.multiplier, level: 0.95 });
    const dsr998 = dobsonDsr(bands, { multiplier: setup.multiplier, level: 0.998 });
    expect(dsr95.totalCount).toBe(num(r.total_count));
    expect(dsr95.totalPopulation).toBe(num(r.total_pop));
    expect(dsr95.method).toBe(r.method === 'Dobson' ? 'dobson' : 'dobson-non-independent');
    close(dsr95.value, num(r.value));
    close(dsr95.lower, num(r.lower95));
    close(dsr95.upper, num(r.upper95));
    if (setup.check998) {
      close(dsr998.lower, num(r.lower998));
      close(dsr998.upper, num(r.upper998));
    }
  });
});

describe('dobsonDsr against calculate_dsr run on the fixture (reference/peer_package_outputs/dsr_fixture_output.csv)', () => {
  const input = groupBy(readReferenceCsv('reference/peer_package_outputs/dsr_fixture_input.csv'), 'area');
  const close = closeTo(1e-9);
  it.each(readReferenceCsv('reference/peer_package_outputs/dsr_fixture_output.csv').map((r) => ({ case: r.area, r })))('$case, default multiplier', ({ r }) => {
    const bands = bandsOf(input.get(r.area!)!, 'esp2013');
    const dsr95 = dobsonDsr(bands);
    const dsr998 = dobsonDsr(bands, { level: 0.998 });
    expect(dsr95.totalCount).toBe(num(r.total_count));
    close(dsr95.value, num(r.value));
    close(dsr95.lower, num(r.lower95_0cl));
    close(dsr95.upper, num(r.upper95_0cl));
    close(dsr998.lower, num(r.lower99_8cl));
    close(dsr998.upper, num(r.upper99_8cl));
  });
});

describe('ESP2013', () => {
  it('has the 19 bands 0-4 … 90+ summing to 100 000', () => {
    expect(ESP2013.map((b) => b.ageBand)).toEqual(['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+']);
    expect(ESP2013.reduce((s, b) => s + b.weight, 0)).toBe(100_000);
  });
  it('matches the weights the package test attaches (reference/phe_excel_fixtures/dsr_multiarea_input.csv)', () => {
    expect(multiarea.get('testdata_big')!.map((r) => num(r.esp2013))).toEqual(ESP2013.map((b) => b.weight));
  });
  it('is frozen', () => expect(Object.isFrozen(ESP2013) && Object.isFrozen(ESP2013[0])).toBe(true));
});

describe('dobsonDsr edge cases', () => {
  const band = (count: number | null, population = 1000, standardPopulation = 5000): DsrBand => ({ count, population, standardPopulation });

  it('gives a null value and limits below 10 events, with the totals', () => {
    expect(dobsonDsr([band(4), band(5)])).toEqual({ totalCount: 9, totalPopulation: 2000, value: null, lower: null, upper: null, method: 'dobson' });
  });
  it('computes from exactly 10 events', () => expect(dobsonDsr([band(4), band(6)]).value).toBeCloseTo(500, 9));
  it('treats a missing count as 0', () => expect(dobsonDsr([band(null), band(20)])).toEqual(dobsonDsr([band(0), band(20)])));
  it('does not clamp a negative lower limit (variance dominated by one small band)', () => {
    const dsr = dobsonDsr([band(1, 1, 100), band(9, 1e6, 1000)], { level: 0.998 });
    expect(dsr.lower!).toBeLessThan(0);
  });
  it('agrees with the independent method when every person has one event', () => {
    const counts = [12, 7, 30];
    const independent = dobsonDsr(counts.map((c) => band(c)));
    const byFrequency = dobsonDsr(counts.map((c) => ({ population: 1000, standardPopulation: 5000, personsByFrequency: [{ frequency: 1, persons: c }] })));
    expect({ ...byFrequency, method: 'dobson' }).toEqual(independent);
  });
  it('rejects no bands', () => expect(() => dobsonDsr([])).toThrow('bands must not be empty'));
  it('rejects a zero population, naming the band', () => expect(() => dobsonDsr([band(5), band(5, 0)])).toThrow('band 2: population must be a finite number > 0 (got 0)'));
  it('rejects a negative count', () => expect(() => dobsonDsr([band(-1)])).toThrow('band 1: count must be a finite number ≥ 0 or null (got -1)'));
  it('rejects a negative standard population', () => expect(() => dobsonDsr([band(5, 10, -1)])).toThrow('band 1: standard population must be a finite number ≥ 0 (got -1)'));
  it('rejects all-zero standard populations', () => expect(() => dobsonDsr([band(5, 10, 0)])).toThrow('standard populations must not all be 0'));
  it('rejects a mix of band kinds', () => {
    const mixed = [band(5), { population: 10, standardPopulation: 1, personsByFrequency: [] }] as unknown as DsrBand[];
    expect(() => dobsonDsr(mixed)).toThrow('band 2: bands must all have counts or all have persons by frequency');
  });
  it('rejects a non-integer or repeated event frequency', () => {
    const of = (personsByFrequency: DsrBandByFrequency['personsByFrequency']) => [{ population: 10, standardPopulation: 1, personsByFrequency }];
    expect(() => dobsonDsr(of([{ frequency: 1.5, persons: 3 }]))).toThrow('band 1: event frequency must be an integer ≥ 1 (got 1.5)');
    expect(() => dobsonDsr(of([{ frequency: 2, persons: 3 }, { frequency: 2, persons: 1 }]))).toThrow('band 1: event frequency 2 is given twice');
  });
  it('rejects a non-positive multiplier', () => expect(() => dobsonDsr([band(20)], { multiplier: -1 })).toThrow('multiplier must be a finite number > 0 (got -1)'));
});
