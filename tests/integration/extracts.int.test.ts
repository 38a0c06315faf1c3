import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStore } from '@pathfinder/server';
import { openReleaseViews } from '../../fixtures/test/release-views.ts';
import { EXTRACT_CACHE_DIR } from '../../server/src/services/immunisation-extract.ts';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let views: Awaited<ReturnType<typeof openReleaseViews>>;
let downloads: string;
beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
  views = await openReleaseViews(path.join(release.dataDir, 'releases', release.manifest.id));
  downloads = await mkdtemp(path.join(tmpdir(), 'pf-extracts-'));
}, 120_000);
afterAll(async () => {
  views.close();
  await rm(downloads, { recursive: true, force: true });
  await release.dispose();
});

const NEL = 'E54000029';

/** Downloads an extract to a file and reads it back with DuckDB: its columns and a query over it. */
async function download(file: string, headers: Record<string, string> = {}) {
  const res = await app.request(`/api/v1/extracts/${file}`, { headers });
  expect(res.status, `${file}: ${res.status}`).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const saved = path.join(downloads, `${Object.keys(headers).length > 0 ? 'token' : 'public'}-${Date.now()}-${file}`);
  await writeFile(saved, bytes);
  const columns = (await views.rows<{ name: string }>('SELECT name FROM parquet_schema($1) WHERE name <> $2', [saved, 'duckdb_schema'])).map((c) => c.name);
  const query = <T = Record<string, unknown>>(sql: string, params: (string | number)[] = []) => views.rows<T>(sql.replaceAll('{extract}', `read_parquet('${saved.replaceAll("'", "''")}')`), params);
  return { res, bytes, columns, query };
}

const KNOWN_PRACTICE = `JOIN areas a ON a.area_code = c.practice_code AND a.area_type = 'practice'`;

describe('GET /api/v1/extracts/{name}.parquet', () => {
  it('gives a region token every practice’s weekly doses as Parquet DuckDB reads, adding up to the event data', async () => {
    const { res, bytes, columns, query } = await download('immunisation-weekly.parquet', await release.auth('region'));
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('x-release-id')).toBe(release.manifest.id);
    expect(res.headers.get('x-disclosure')).toBe('none');
    expect(res.headers.get('cache-control')).toContain('private');
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect(columns).toEqual(['practice_code', 'pcn_code', 'borough_code', 'icb_code', 'week', 'vaccine', 'dose', 'deprivation_quintile', 'ethnic_group', 'sex', 'doses']);
    const [summary] = await query<{ rows: number; doses: number; mondays: number; icbs: number }>('SELECT count(*) AS rows, sum(doses) AS doses, count(*) FILTER (WHERE isodow(week) = 1) AS mondays, count(DISTINCT icb_code) AS icbs FROM {extract}');
    const [expected] = await views.rows<{ doses: number }>(`SELECT count(*) AS doses FROM doses d JOIN children c USING (child_id) ${KNOWN_PRACTICE}`);
    expect(summary!.doses).toBe(expected!.doses);
    expect(summary!.mondays).toBe(summary!.rows);
    expect(summary!.icbs).toBe(5);
  });

  it('gives an ics token its own ICB’s practices only, with exact counts', async () => {
    const { res, query } = await download('immunisation-weekly.parquet', await release.auth('ics', NEL));
    expect(res.headers.get('x-disclosure')).toBe('none');
    const practices = await query<{ practice_code: string; icb_code: string }>('SELECT DISTINCT practice_code, icb_code FROM {extract}');
    const areas = release.store.current().areas;
    expect(practices.every((p) => p.icb_code === NEL && areas.get(p.practice_code)?.icbCode === NEL)).toBe(true);
    expect(practices.length).toBe(areas.list('practice', NEL).length);
    const [own] = await query<{ doses: number }>('SELECT sum(doses) AS doses FROM {extract}');
    const [expected] = await views.rows<{ doses: number }>(`SELECT count(*) AS doses FROM doses d JOIN children c USING (child_id) ${KNOWN_PRACTICE} WHERE a.icb_code = $1`, [NEL]);
    expect(own!.doses).toBe(expected!.doses);
  });

  it('gives the public borough × month rows, one breakdown at a time, with no count of 1 to 7 and every count a multiple of 5', async () => {
    const { res, columns, query } = await download('immunisation-weekly.parquet');
    expect(res.headers.get('x-disclosure')).toBe('suppressed-and-rounded');
    expect(res.headers.get('cache-control')).toContain('public');
    expect(columns).not.toContain('practice_code');
    expect(columns).not.toContain('pcn_code');
    expect(columns).toEqual(['borough_code', 'icb_code', 'month', 'vaccine', 'dose', 'breakdown', 'deprivation_quintile', 'ethnic_group', 'sex', 'doses']);
    const [check] = await query<{ small: number; unrounded: number; shown: number; hidden: number; notFirst: number }>(`SELECT
      count(*) FILTER (WHERE doses BETWEEN 1 AND 7) AS small, count(*) FILTER (WHERE doses % 5 <> 0) AS unrounded,
      count(doses) AS shown, count(*) FILTER (WHERE doses IS NULL) AS hidden, count(*) FILTER (WHERE day(month) <> 1) AS notFirst FROM {extract}`);
    expect(check).toMatchObject({ small: 0, unrounded: 0, notFirst: 0 });
    expect(check!.shown).toBeGreaterThan(1000);
    expect(check!.hidden).toBeGreaterThan(0);
    const breakdowns = await query<{ breakdown: string }>('SELECT DISTINCT breakdown FROM {extract} ORDER BY 1');
    expect(breakdowns.map((b) => b.breakdown)).toEqual(['deprivation', 'ethnicity', 'sex', 'total']);
  });

  it('gives the eligible population by year of birth: every child of a known practice for region, controlled for the public', async () => {
    const scoped = await download('immunisation-population.parquet', await release.auth('region'));
    expect(scoped.columns).toEqual(['practice_code', 'pcn_code', 'borough_code', 'icb_code', 'birth_year', 'deprivation_quintile', 'ethnic_group', 'sex', 'children']);
    const [total] = await scoped.query<{ children: number }>('SELECT sum(children) AS children FROM {extract}');
    const [expected] = await views.rows<{ children: number }>(`SELECT count(*) AS children FROM children c ${KNOWN_PRACTICE}`);
    expect(total!.children).toBe(expected!.children);
    const open = await download('immunisation-population.parquet');
    expect(open.columns).not.toContain('practice_code');
    const [bad] = await open.query<{ n: number }>('SELECT count(*) AS n FROM {extract} WHERE children BETWEEN 1 AND 7 OR children % 5 <> 0');
    expect(bad!.n).toBe(0);
  });

  it('builds each release and scope once, keeps it on disk, and honours If-None-Match', async () => {
    const headers = await release.auth('region');
    const first = await app.request('/api/v1/extracts/immunisation-population.parquet', { headers });
    const etag = first.headers.get('etag')!;
    expect(etag).toContain(release.manifest.id);
    const again = await app.request('/api/v1/extracts/immunisation-population.parquet', { headers: { ...headers, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const cached = (await readdir(EXTRACT_CACHE_DIR)).filter((f) => f.startsWith(release.manifest.id));
    expect(cached.some((f) => f.endsWith('-immunisation-population-all.parquet'))).toBe(true);
    expect(cached.some((f) => f.endsWith(`-immunisation-weekly-icb-${NEL}.parquet`))).toBe(true);
    expect(cached.some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('refuses unknown extracts and releases without event data with 404', async () => {
    for (const file of ['nope.parquet', 'immunisation-weekly.csv', 'immunisation-weekly']) {
      const res = await app.request(`/api/v1/extracts/${file}`);
      expect(res.status, file).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('extract_not_found');
    }
    const store = release.store;
    const noEvents: DataStore = { current: () => ({ ...store.current(), hasEvents: false }), refresh: async () => false, close: async () => undefined };
    const res = await release.app({ store: noEvents }).request('/api/v1/extracts/immunisation-weekly.parquet');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('no_event_data');
  });
});
