import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseStore, copyParquet } from '@pathfinder/fixtures';
import { AREA_COLUMNS, INDICATORS, OBSERVATION_COLUMNS, RELEASE_LAYOUT, type ReleaseManifest } from '@pathfinder/metrics';
import { DuckDbStore, createApp, issueToken } from '@pathfinder/server';

// A hand-made release whose PCNs have no rows of their own, only their practices do, so the API
// answers each PCN by summing its practices (`countsByArea` → `rollUpChildren`). Barnet's PCNs:
// PCN1: practices A (60 of 80) and B (30 of 40), both with counts.
// PCN2: practice C (10 of 20); practice D has no row at all (an incomplete set of children).
// PCN3: practice E (20 of 25); practice F has a row without counts (a source's exclusion).
const BARNET = { borough: 'E09000003', icb: 'E54000028' };
const PCNS = ['PCN1', 'PCN2', 'PCN3'];
const PRACTICES = [['A', 'PCN1'], ['B', 'PCN1'], ['C', 'PCN2'], ['D', 'PCN2'], ['E', 'PCN3'], ['F', 'PCN3']] as const;
const COUNTS = [
  ['A', 60, 80, null],
  ['B', 30, 40, null],
  ['C', 10, 20, null],
  ['E', 20, 25, null],
  ['F', null, 30, '[x] excluded: data quality'],
] as const;
const INDICATOR = 'imm-mmr1-24m';
const PERIOD = '2023/24 Q4';
const SECRET = 'child-rollup-secret-of-at-least-32-characters';

let dataDir: string;
let store: DuckDbStore;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-child-rollup-'));
  await new ReleaseStore(dataDir).publish(async (dir) => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const table = (name: string, columns: Record<string, string>) => db.run(`CREATE TABLE ${name} (${Object.entries(columns).map(([c, t]) => `${c} ${t}`).join(', ')})`);
      await table('observations', OBSERVATION_COLUMNS);
      await table('areas', AREA_COLUMNS);
      for (const [practice, numerator, denominator, note] of COUNTS) {
        await db.run(`INSERT INTO observations (indicator_id, area_code, area_type, period, period_start, breakdown, numerator, denominator, value_note)
          VALUES ($1, $2, 'practice', $3, DATE '2024-01-01', 'total', $4, $5, $6)`, [INDICATOR, practice, PERIOD, numerator, denominator, note]);
      }
      for (const pcn of PCNS) await db.run(`INSERT INTO areas VALUES ($1, $1, 'pcn', $2, $2, $3, NULL)`, [pcn, BARNET.borough, BARNET.icb]);
      for (const [practice, pcn] of PRACTICES) await db.run(`INSERT INTO areas VALUES ($1, $1, 'practice', $2, $3, $4, 3)`, [practice, pcn, BARNET.borough, BARNET.icb]);
      const rows = {
        [RELEASE_LAYOUT.observations]: await copyParquet(db, 'observations', Object.keys(OBSERVATION_COLUMNS), 'area_code', path.join(dir, RELEASE_LAYOUT.observations)),
        [RELEASE_LAYOUT.areas]: await copyParquet(db, 'areas', Object.keys(AREA_COLUMNS), 'area_code', path.join(dir, RELEASE_LAYOUT.areas)),
      };
      const manifest: Omit<ReleaseManifest, 'files'> = {
        id: 'child-rollup', kind: 'synthetic', createdAt: '2024-06-01T00:00:00.000Z', synthetic: true, dataAsAt: '2024-03-31', sources: [],
        source: { kind: 'synthetic', seed: 0, scale: 1, generator: 'hand-made' },
        coverage: { indicators: INDICATORS.map((i) => i.id), firstPeriod: PERIOD, lastPeriod: PERIOD },
      };
      return { rows, manifest };
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });
  store = await DuckDbStore.open(dataDir);
}, 60_000);
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface ValuesRow { areaCode: string; numerator: number | null; denominator: number | null; value: number | null; valueNote: string | null; suppressed: boolean }

async function pcnValues(): Promise<Map<string, ValuesRow>> {
  const app = createApp({ store, tokenSecret: SECRET });
  const token = await issueToken(SECRET, { role: 'region', ttlSeconds: 600 });
  const res = await app.request(`/api/v1/indicators/${INDICATOR}/values?areaType=pcn&parent=${BARNET.borough}&period=${encodeURIComponent(PERIOD)}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: ValuesRow[] };
  return new Map(body.rows.map((r) => [r.areaCode, r]));
}

describe('a PCN without rows of its own, answered from its practices', () => {
  it('is the sum of its practices when every practice has counts', async () => {
    const pcn = (await pcnValues()).get('PCN1')!;
    expect(pcn).toMatchObject({ numerator: 90, denominator: 120, suppressed: false, valueNote: null });
    expect(pcn.value).toBeCloseTo(75, 9);
  });

  it('has no value when one of its practices has no row: a few practices never pose as the whole', async () => {
    expect((await pcnValues()).get('PCN2')).toMatchObject({ numerator: null, denominator: null, value: null, valueNote: 'no data' });
  });

  it('sums the practices with counts and says which were left out and why', async () => {
    expect((await pcnValues()).get('PCN3')).toMatchObject({ numerator: 20, denominator: 25, valueNote: 'sum of 1 of 2 practices; 1 left out: [x] excluded: data quality' });
  });
});
