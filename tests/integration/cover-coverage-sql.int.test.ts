import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { BOROUGHS, COVER_CELL, ROUTINE_DOSES, SqlParams, coverCoverageSql, quoteIdentifier, quoteLiteral } from '@pathfinder/metrics';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let db: DuckDBConnection;
beforeAll(async () => {
  release = await openTestRelease();
  db = await (await DuckDBInstance.create()).connect();
  const dir = release.store.current().dir;
  for (const t of ['observations', 'children', 'doses']) {
    const file = t === 'observations' ? 'observations.parquet' : `events/${t}.parquet`;
    await db.run(`CREATE VIEW ${quoteIdentifier(t)} AS SELECT * FROM read_parquet(${quoteLiteral(path.join(dir, file))})`);
  }
}, 120_000);
afterAll(() => release.dispose());

describe('coverCoverageSql (COVER straight from events, one pass)', () => {
  it('gives the same numerators and denominators as the release build for every COVER measure, borough and quarter', async () => {
    const q = coverCoverageSql({ from: '2018-04-01', to: '2025-03-31' });
    const fast = (await db.runAndReadAll(q.text, [...q.params])).getRowObjectsJS() as { measure: string; borough_code: string; period: string; numerator: bigint; denominator: bigint }[];
    const built = (await db.runAndReadAll(`SELECT o.indicator_id, o.area_code, o.period, o.numerator, o.denominator FROM observations o WHERE o.area_type = 'borough' AND o.breakdown = 'total' AND o.indicator_id LIKE 'imm-%'`)).getRowObjectsJS() as { indicator_id: string; area_code: string; period: string; numerator: bigint; denominator: bigint }[];
    const { INDICATORS } = await import('@pathfinder/metrics');
    const idOf = new Map<string, string>(INDICATORS.filter((i) => i.coverMeasure).map((i) => [i.coverMeasure!, i.id]));
    const expected = new Map(built.map((r) => [`${r.indicator_id}|${r.area_code}|${r.period}`, r]));
    expect(fast.length).toBeGreaterThan(14 * 30 * 28 * 0.9);
    let compared = 0;
    for (const r of fast) {
      const e = expected.get(`${idOf.get(r.measure)}|${r.borough_code}|${r.period}`);
      if (!e) continue;
      expect([r.measure, r.borough_code, r.period, Number(r.numerator), Number(r.denominator)]).toEqual([r.measure, r.borough_code, r.period, Number(e.numerator), Number(e.denominator)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(fast.length * 0.9);
  });

  it("packs each routine dose's vaccine, dose, borough, birth month and COVER age band into a cell that decodes back to them", async () => {
    const { boroughSlots, birthMonthSlots, firstBirthYear, ageBandSlots } = COVER_CELL;
    const doses = new SqlParams();
    const routine = ROUTINE_DOSES.map((d, i) => `(${doses.add(i)}::INTEGER, ${doses.add(d.vaccine)}, ${doses.add(d.dose)}::INTEGER)`).join(', ');
    const boroughs = BOROUGHS.map((b, i) => `(${doses.add(i)}::INTEGER, ${doses.add(b.code)})`).join(', ');
    const [counts] = (await db.runAndReadAll(`
      WITH routine(dose_index, vaccine, dose) AS (VALUES ${routine}), boroughs(borough_index, borough_code) AS (VALUES ${boroughs}),
      decoded AS (
        SELECT d.vaccine, d.dose, d.borough_code, d.birth_year_month, d.age_months, d.cover_cell,
          r.vaccine AS cell_vaccine, r.dose AS cell_dose, b.borough_code AS cell_borough,
          (${firstBirthYear} + (d.cover_cell // ${ageBandSlots}) % ${birthMonthSlots} // 12) * 100 + (d.cover_cell // ${ageBandSlots}) % ${birthMonthSlots} % 12 + 1 AS cell_birth_year_month,
          d.cover_cell % ${ageBandSlots} AS cell_band
        FROM doses d
        LEFT JOIN routine r ON r.dose_index = d.cover_cell // ${ageBandSlots * birthMonthSlots * boroughSlots}
        LEFT JOIN boroughs b ON b.borough_index = (d.cover_cell // ${ageBandSlots * birthMonthSlots}) % ${boroughSlots}
      )
      SELECT count(*)::INTEGER AS doses, count(cover_cell)::INTEGER AS cells,
        count(*) FILTER (WHERE (vaccine, dose) IN (SELECT (vaccine, dose) FROM routine) AND cover_cell IS NULL)::INTEGER AS routine_without_cell,
        count(*) FILTER (WHERE cover_cell IS NOT NULL AND (cell_vaccine IS DISTINCT FROM vaccine OR cell_dose IS DISTINCT FROM dose OR cell_borough IS DISTINCT FROM borough_code
          OR cell_birth_year_month <> birth_year_month
          OR cell_band <> CASE WHEN age_months < 12 THEN 0 WHEN age_months < 24 THEN 1 WHEN age_months < 60 THEN 2 ELSE 3 END))::INTEGER AS wrong,
        count(*) FILTER (WHERE vaccine = 'ipv-campaign' AND cover_cell IS NOT NULL)::INTEGER AS campaign_with_cell
      FROM decoded`, doses.values)).getRowObjectsJS() as { doses: number; cells: number; routine_without_cell: number; wrong: number; campaign_with_cell: number }[];
    expect(counts!.doses).toBeGreaterThan(100_000);
    expect(counts!.cells).toBeGreaterThan(counts!.doses * 0.9);
    expect({ routineWithoutCell: counts!.routine_without_cell, wrong: counts!.wrong, campaignWithCell: counts!.campaign_with_cell }).toEqual({ routineWithoutCell: 0, wrong: 0, campaignWithCell: 0 });
  });
});
