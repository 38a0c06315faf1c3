import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRelease, parseCsvText } from '@pathfinder/fixtures';
import { DuckDbStore, createApp } from '@pathfinder/server';

const sharedDir = process.env.PATHFINDER_SHARED ?? path.resolve(fileURLToPath(import.meta.url), '../../../../shared');
const COVER = path.join(sharedDir, 'data/immunisation/cover_london_utla_quarterly_2018-19_to_2024-25.csv');

interface ValueRow {
  areaCode: string;
  numerator: number | null;
  denominator: number | null;
  valueNote: string | null;
}
interface ValuesBody {
  meta: { releaseId: string; synthetic: boolean; dataAsAt: string };
  period: string;
  rows: ValueRow[];
}

let dataDir: string;
let store: DuckDbStore;
let releaseId: string;
/** 24m_MMR1 counts per borough in 2023/24 Q4, straight from the CSV. */
const published = new Map<string, { numerator: number; denominator: number }>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-import-cover-'));
  releaseId = (await importRelease(dataDir, [COVER], 'tidy')).manifest.id;
  store = await DuckDbStore.open(dataDir);
  const [header, ...rows] = parseCsvText(await readFile(COVER, 'utf8')).map((r) => r.fields);
  const col = (name: string) => header!.indexOf(name);
  for (const r of rows) {
    if (r[col('period')] === '2023/24 Q4' && r[col('measure')] === '24m_MMR1') {
      published.set(r[col('area_code')]!, { numerator: Number(r[col('numerator')]), denominator: Number(r[col('denominator')]) });
    }
  }
}, 120_000);
afterAll(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const PATH = '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&period=2023/24%20Q4';

async function values(): Promise<ValuesBody> {
  const res = await createApp({ store }).request(PATH);
  expect(res.status).toBe(200);
  return (await res.json()) as ValuesBody;
}

describe('the real COVER file imported and served', () => {
  it('answers MMR1 at 24 months for the 32 COVER boroughs in 2023/24 Q4 as real (not synthetic) data', async () => {
    const body = await values();
    expect(published.size).toBe(32);
    expect(body.meta).toMatchObject({ releaseId, synthetic: false, dataAsAt: '2025-03-31' });
    expect(body.period).toBe('2023/24 Q4');
    const withCounts = body.rows.filter((r) => r.denominator !== null);
    expect(withCounts.map((r) => r.areaCode).sort()).toEqual([...published.keys()].sort());
  });

  it('serves the CSV counts, rounded to 5 by disclosure control for the public, from a release that holds them exactly', async () => {
    const rows = (await values()).rows.filter((r) => published.has(r.areaCode));
    expect(rows).toHaveLength(32);
    for (const r of rows) {
      const csv = published.get(r.areaCode)!;
      expect(Math.abs(r.numerator! - csv.numerator), r.areaCode).toBeLessThanOrEqual(2);
      expect(Math.abs(r.denominator! - csv.denominator), r.areaCode).toBeLessThanOrEqual(2);
    }
    const stored = await store.current().runner.all<{ area_code: string; numerator: number; denominator: number }>({
      text: `SELECT area_code, numerator, denominator FROM observations WHERE indicator_id = $1 AND area_type = 'borough' AND period = $2 AND breakdown = 'total'`,
      params: ['imm-mmr1-24m', '2023/24 Q4'],
    });
    expect(new Map(stored.map((r) => [r.area_code, { numerator: r.numerator, denominator: r.denominator }]))).toEqual(published);
  });

  it('answers London, summed from the boroughs on import, at areaType=region', async () => {
    const res = await createApp({ store }).request('/api/v1/indicators/imm-mmr1-24m/values?areaType=region&period=2023/24%20Q4');
    expect(res.status).toBe(200);
    const body = (await res.json()) as ValuesBody;
    const sum = [...published.values()].reduce((s, c) => ({ numerator: s.numerator + c.numerator, denominator: s.denominator + c.denominator }), { numerator: 0, denominator: 0 });
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]!.areaCode).toBe('E12000007');
    expect(Math.abs(body.rows[0]!.denominator! - sum.denominator)).toBeLessThanOrEqual(2.5);
  });
});
