import { describe, expect, it } from 'vitest';
import { campaignProgressSql } from './campaign-progress-sql.ts';
import { cohortCurveSql } from './cohort-curve-sql.ts';
import { boroughCubeSql, copyToParquetSql, immunisationExtractSql } from './immunisation-extract-sql.ts';

// Results are checked against DuckDB in tests/integration/event-sql.int.test.ts; here: values travel only as parameters.
describe('event SQL builders', () => {
  it('keeps campaign values out of the SQL text', () => {
    const q = campaignProgressSql({
      vaccine: "ipv'campaign", dose: 1, bornFrom: '2012-08-11', bornTo: '2021-08-10', unvaccinatedAtStart: true, opens: '2022-08-16', asOf: '2022-10-13',
      boroughs: ['E09000003'], priorityStarts: [{ boroughs: ['E09000003'], start: '2022-08-16' }], start: '2022-09-12', areaLevel: 'practice', areaCodes: ['SYN0001'], regionCode: 'E12000007', intervalDays: 7,
    });
    for (const value of ["ipv'campaign", '2012-08-11', '2022-10-13', 'E09000003', 'SYN0001', 'E12000007']) {
      expect(q.text).not.toContain(value);
      expect(q.params).toContain(value);
    }
    expect(q.text.match(/\$\d+/g)!.map((p) => Number(p.slice(1))).every((n) => n >= 1 && n <= q.params.length)).toBe(true);
  });

  it('keeps cohort and extract values out of the SQL text, the file path too', () => {
    const curve = cohortCurveSql({ vaccine: 'mmr', dose: 1, areaLevel: 'borough', areaCode: 'E09000012', regionCode: 'E12000007', cohorts: [2021, 2022], asAt: '2025-03-31', maxAgeMonths: 60 });
    expect(curve.text).not.toMatch(/E09000012|2025-03-31|'mmr'/);
    const copy = copyToParquetSql(immunisationExtractSql('immunisation-weekly', { kind: 'icb', icb: 'E54000029' }, 'E12000007'), "/tmp/it's.parquet");
    expect(copy.text).not.toMatch(/E54000029|it's/);
    expect(copy.params.at(-1)).toBe("/tmp/it's.parquet");
  });

  it('keeps scope and borough out of the SQL text of practice and cube extracts, and partitions only by a known column', () => {
    const detail = immunisationExtractSql('immunisation-weekly', { kind: 'icb', icb: 'E54000029' }, 'E12000007', { borough: 'E09000012' });
    const cube = boroughCubeSql('immunisation-borough-monthly', { kind: 'icb', icb: 'E54000029' }, { borough: 'E09000012' });
    for (const q of [detail, cube]) {
      expect(q.text).not.toMatch(/E54000029|E09000012/);
      expect(q.params).toEqual(expect.arrayContaining(['E54000029', 'E09000012']));
    }
    expect(copyToParquetSql(detail, '/tmp/x', { partitionBy: 'borough_code' }).text).toContain('PARTITION_BY ("borough_code")');
  });

  it('publishes no quintile × ethnic group cube to the public', () => {
    expect(() => boroughCubeSql('immunisation-borough-monthly-cross', { kind: 'public' })).toThrow('the immunisation-borough-monthly-cross extract is not published to the public scope');
    expect(boroughCubeSql('immunisation-borough-monthly', { kind: 'public' }).params).toEqual(['total', 'deprivation', 'ethnicity']);
  });

  it('rejects a non-positive interval', () => {
    expect(() => campaignProgressSql({ vaccine: 'mmr', dose: null, bornFrom: '2018-01-01', bornTo: '2022-12-31', unvaccinatedAtStart: false, opens: '2023-11-01', asOf: '2024-03-31', boroughs: null, priorityStarts: [], start: '2023-11-01', areaLevel: 'region', areaCodes: null, regionCode: 'E12000007', intervalDays: 0 }))
      .toThrow('intervalDays must be a positive integer (got 0)');
  });
});
