import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { coverCoverageSql, quoteIdentifier, quoteLiteral } from '@pathfinder/metrics';
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
});
