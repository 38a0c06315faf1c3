import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStore } from '@pathfinder/server';
import { openReleaseViews } from '../../fixtures/test/release-views.ts';
import { EXTRACT_CACHE_DIR } from '../../server/src/services/immunisation-extract.ts';
import { differencingAttack } from '../support/extract-differencing.ts';
import { openTestRelease } from '../support/test-release.ts';
import { BOROUGHS } from '@pathfinder/metrics';

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
const HACKNEY = 'E09000012'; // in North East London ICB
const CITY = 'E09000001'; // in North East London ICB; one practice: published within Hackney
const BARNET = 'E09000003'; // in North Central London ICB
const CUBE_COLUMNS = ['borough_code', 'icb_code', 'month', 'vaccine', 'dose', 'breakdown', 'deprivation_quintile', 'ethnic_group', 'doses'];

let downloaded = 0;

/** Downloads an extract to a file and reads it back with DuckDB: its columns and a query over it. */
async function download(file: string, headers: Record<string, string> = {}) {
  const res = await app.request(`/api/v1/extracts/${file}`, { headers });
  expect(res.status, `${file}: ${res.status}`).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const saved = path.join(downloads, `${Object.keys(headers).length > 0 ? 'token' : 'public'}-${++downloaded}-${file.replace(/\W/g, '_')}.parquet`);
  await writeFile(saved, bytes);
  const columns = (await views.rows<{ name: string }>('SELECT name FROM parquet_schema($1) WHERE name <> $2', [saved, 'duckdb_schema'])).map((c) => c.name);
  const query = <T = Record<string, unknown>>(sql: string, params: (string | number)[] = []) => views.rows<T>(sql.replaceAll('{extract}', `read_parquet('${saved.replaceAll("'", "''")}')`), params);
  return { res, bytes, columns, query, file: saved };
}

const KNOWN_PRACTICE = `JOIN areas a ON a.area_code = c.practice_code AND a.area_type = 'practice'`;

/** The public extracts: their count column, and the columns that make a star (a total and its breakdowns' groups). */
const PUBLIC_EXTRACTS = {
  'immunisation-weekly.parquet': { count: 'doses', star: ['borough_code', 'month', 'vaccine', 'dose'] },
  'immunisation-population.parquet': { count: 'children', star: ['borough_code', 'birth_year'] },
} as const;

/** The cells of a downloaded public extract as the differencing attack takes them. */
async function starCells(extract: Awaited<ReturnType<typeof download>>, file: keyof typeof PUBLIC_EXTRACTS) {
  const { count, star } = PUBLIC_EXTRACTS[file];
  return extract.query<{ star: string; breakdown: string; group: string; count: number | null }>(`SELECT concat_ws('|', ${star.join(', ')}) AS star, breakdown,
    concat_ws('|', deprivation_quintile, ethnic_group, sex) AS "group", ${count} AS count FROM {extract}`);
}

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

  it('gives the public the City of London within Hackney: no City rows, and Hackney’s totals count both boroughs’ doses', async () => {
    const { query } = await download('immunisation-weekly.parquet');
    const [city] = await query<{ rows: number }>('SELECT count(*)::INTEGER AS rows FROM {extract} WHERE borough_code = $1', [CITY]);
    expect(city!.rows).toBe(0);
    const exact = await views.rows<{ month: string; vaccine: string; dose: number; doses: number }>(`SELECT strftime(date_trunc('month', d.event_date), '%Y-%m-%d') AS month, d.vaccine, d.dose, count(*)::INTEGER AS doses
      FROM doses d JOIN children c USING (child_id) ${KNOWN_PRACTICE} WHERE a.borough_code IN ($1, $2) GROUP BY ALL`, [HACKNEY, CITY]);
    const shown = new Map((await query<{ month: string; vaccine: string; dose: number; doses: number | null }>(`SELECT strftime(month, '%Y-%m-%d') AS month, vaccine, dose, doses FROM {extract} WHERE borough_code = $1 AND breakdown = 'total'`, [HACKNEY]))
      .map((r) => [`${r.month} ${r.vaccine} ${r.dose}`, r.doses]));
    expect(shown.size).toBe(exact.length);
    const off = exact.filter((e) => {
      const published = shown.get(`${e.month} ${e.vaccine} ${e.dose}`);
      return published === undefined || (published === null ? e.doses > 7 : Math.abs(published - e.doses) > 2);
    });
    expect(off).toEqual([]);
    const [cityDoses] = await views.rows<{ doses: number }>(`SELECT count(*)::INTEGER AS doses FROM doses d JOIN children c USING (child_id) ${KNOWN_PRACTICE} WHERE a.borough_code = $1`, [CITY]);
    expect(cityDoses!.doses).toBeGreaterThan(0);
    const res = await app.request(`/api/v1/extracts/immunisation-weekly.parquet?borough=${CITY}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain(`borough=${HACKNEY}`);
  });

  it('leaves the public no hidden count that adding and subtracting published counts gives away or narrows to 5 values or fewer', async () => {
    for (const file of Object.keys(PUBLIC_EXTRACTS) as (keyof typeof PUBLIC_EXTRACTS)[]) {
      const extract = await download(file);
      const report = differencingAttack(await starCells(extract, file));
      expect(report.hidden, file).toBeGreaterThan(0);
      expect(report.relations, file).toBeGreaterThan(1000);
      expect(report.singleHidden, `${file}: sums with one hidden cell`).toEqual([]);
      expect(report.narrowed, `${file}: hidden counts narrowed to 5 values or fewer`).toEqual([]);
      const [bad] = await extract.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM {extract} WHERE ${PUBLIC_EXTRACTS[file].count} BETWEEN 1 AND 7 OR ${PUBLIC_EXTRACTS[file].count} % 5 <> 0`);
      expect(bad!.n, file).toBe(0);
    }
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

  it('gives a region token the borough cube: exact doses per borough × month, one breakdown at a time, adding up to the event data in each', async () => {
    const { res, columns, query } = await download('immunisation-borough-monthly.parquet', await release.auth('region'));
    expect(res.headers.get('x-disclosure')).toBe('none');
    expect(columns).toEqual(CUBE_COLUMNS);
    const sums = await query<{ breakdown: string; doses: number; boroughs: number; notFirst: number }>('SELECT breakdown, sum(doses)::DOUBLE AS doses, count(DISTINCT borough_code)::INTEGER AS boroughs, count(*) FILTER (WHERE day(month) <> 1)::INTEGER AS notFirst FROM {extract} GROUP BY 1 ORDER BY 1');
    const [expected] = await views.rows<{ doses: number }>(`SELECT count(*)::DOUBLE AS doses FROM doses d JOIN children c USING (child_id) ${KNOWN_PRACTICE}`);
    expect(sums.map((r) => r.breakdown)).toEqual(['deprivation', 'ethnicity', 'total']);
    for (const r of sums) expect(r, r.breakdown).toMatchObject({ doses: expected!.doses, boroughs: 33, notFirst: 0 });
    const cross = await download('immunisation-borough-monthly-cross.parquet', await release.auth('region'));
    expect(cross.columns).toEqual(CUBE_COLUMNS);
    const [crossSum] = await cross.query<{ doses: number; breakdowns: string }>('SELECT sum(doses)::DOUBLE AS doses, string_agg(DISTINCT breakdown, \',\') AS breakdowns FROM {extract}');
    expect(crossSum).toEqual({ doses: expected!.doses, breakdowns: 'deprivation-ethnicity' });
  });

  it('gives the public the borough cubes cell for cell as in the public weekly and population extracts (same disclosure control, sex rows left out), and no quintile × ethnic group rows', async () => {
    const cube = await download('immunisation-borough-monthly.parquet');
    expect(cube.res.headers.get('x-disclosure')).toBe('suppressed-and-rounded');
    expect(cube.res.headers.get('cache-control')).toContain('public');
    expect(cube.columns).toEqual(CUBE_COLUMNS);
    const [check] = await cube.query<{ small: number; unrounded: number; hidden: number; rows: number }>(`SELECT count(*) FILTER (WHERE doses BETWEEN 1 AND 7)::INTEGER AS small,
      count(*) FILTER (WHERE doses % 5 <> 0)::INTEGER AS unrounded, count(*) FILTER (WHERE doses IS NULL)::INTEGER AS hidden, count(*)::INTEGER AS rows FROM {extract}`);
    expect(check).toMatchObject({ small: 0, unrounded: 0 });
    expect(check!.hidden).toBeGreaterThan(0);
    const weekly = await download('immunisation-weekly.parquet');
    const cells = 'borough_code, icb_code, month, vaccine, dose, breakdown, deprivation_quintile, ethnic_group';
    const [diff] = await cube.query<{ onlyCube: number; onlyWeekly: number }>(`SELECT
      (SELECT count(*) FROM (SELECT ${cells}, doses FROM {extract} EXCEPT ALL SELECT ${cells}, doses FROM read_parquet($1) WHERE breakdown <> 'sex'))::INTEGER AS onlyCube,
      (SELECT count(*) FROM (SELECT ${cells}, doses FROM read_parquet($1) WHERE breakdown <> 'sex' EXCEPT ALL SELECT ${cells}, doses FROM {extract}))::INTEGER AS onlyWeekly`, [weekly.file]);
    expect(diff).toEqual({ onlyCube: 0, onlyWeekly: 0 });

    const population = await download('immunisation-borough-population.parquet');
    const [bad] = await population.query<{ n: number; breakdowns: string }>('SELECT count(*) FILTER (WHERE children BETWEEN 1 AND 7 OR children % 5 <> 0)::INTEGER AS n, string_agg(DISTINCT breakdown, \',\' ORDER BY breakdown) AS breakdowns FROM {extract}');
    expect(bad).toEqual({ n: 0, breakdowns: 'deprivation,ethnicity,total' });
    const publicPopulation = await download('immunisation-population.parquet');
    const groups = 'borough_code, icb_code, birth_year, breakdown, deprivation_quintile, ethnic_group, children';
    const [same] = await population.query<{ onlyCube: number; onlyExtract: number }>(`SELECT
      (SELECT count(*) FROM (SELECT ${groups} FROM {extract} EXCEPT ALL SELECT ${groups} FROM read_parquet($1) WHERE breakdown <> 'sex'))::INTEGER AS onlyCube,
      (SELECT count(*) FROM (SELECT ${groups} FROM read_parquet($1) WHERE breakdown <> 'sex' EXCEPT ALL SELECT ${groups} FROM {extract}))::INTEGER AS onlyExtract`, [publicPopulation.file]);
    expect(same).toEqual({ onlyCube: 0, onlyExtract: 0 });

    const cross = await app.request('/api/v1/extracts/immunisation-borough-monthly-cross.parquet');
    expect(cross.status).toBe(401);
    expect(((await cross.json()) as { code: string }).code).toBe('forbidden_extract');
  });

  it('gives an ics token its own ICB’s boroughs only, in every cube, with the region’s exact counts', async () => {
    const ownBoroughs = BOROUGHS.filter((b) => b.parent === NEL).map((b) => b.code).sort();
    for (const file of ['immunisation-borough-monthly.parquet', 'immunisation-borough-monthly-cross.parquet', 'immunisation-borough-population.parquet']) {
      const own = await download(file, await release.auth('ics', NEL));
      expect(own.res.headers.get('x-disclosure'), file).toBe('none');
      const boroughs = await own.query<{ borough_code: string; icb_code: string }>('SELECT DISTINCT borough_code, icb_code FROM {extract} ORDER BY 1');
      expect(boroughs.map((b) => b.borough_code), file).toEqual(ownBoroughs);
      expect(boroughs.every((b) => b.icb_code === NEL), file).toBe(true);
      const region = await download(file, await release.auth('region'));
      const [diff] = await own.query<{ missing: number; extra: number }>(`SELECT
        (SELECT count(*) FROM (SELECT * FROM read_parquet($1) WHERE icb_code = $2 EXCEPT ALL SELECT * FROM {extract}))::INTEGER AS missing,
        (SELECT count(*) FROM (SELECT * FROM {extract} EXCEPT ALL SELECT * FROM read_parquet($1) WHERE icb_code = $2))::INTEGER AS extra`, [region.file, NEL]);
      expect(diff, `${file}: the ics cube is the region's rows of its ICB`).toEqual({ missing: 0, extra: 0 });
    }
  });

  it('gives one borough’s practice rows with borough=, the same rows as the whole extract has for it, to region and to that borough’s ICB', async () => {
    const whole = await download('immunisation-weekly.parquet', await release.auth('region'));
    for (const role of [['region'], ['ics', NEL]] as const) {
      const one = await download(`immunisation-weekly.parquet?borough=${HACKNEY}`, await release.auth(role[0], role[1]));
      expect(one.res.headers.get('x-disclosure')).toBe('none');
      expect(one.columns).toEqual(whole.columns);
      const [diff] = await one.query<{ missing: number; extra: number; rows: number }>(`SELECT
        (SELECT count(*) FROM (SELECT * FROM read_parquet($1) WHERE borough_code = $2 EXCEPT ALL SELECT * FROM {extract}))::INTEGER AS missing,
        (SELECT count(*) FROM (SELECT * FROM {extract} EXCEPT ALL SELECT * FROM read_parquet($1) WHERE borough_code = $2))::INTEGER AS extra,
        (SELECT count(*) FROM {extract})::INTEGER AS rows`, [whole.file, HACKNEY]);
      expect(diff!.rows, role.join(' ')).toBeGreaterThan(1000);
      expect(diff, role.join(' ')).toMatchObject({ missing: 0, extra: 0 });
    }
    const population = await download(`immunisation-population.parquet?borough=${HACKNEY}`, await release.auth('ics', NEL));
    const [areas] = await population.query<{ boroughs: string }>('SELECT string_agg(DISTINCT borough_code, \',\') AS boroughs FROM {extract}');
    expect(areas!.boroughs).toBe(HACKNEY);
  });

  it('refuses an ics token another ICB’s borough (403), and an unknown borough (404) or a code that is not a borough (400) to anyone', async () => {
    const ics = await release.auth('ics', NEL);
    for (const file of ['immunisation-weekly', 'immunisation-population', 'immunisation-borough-monthly', 'immunisation-borough-monthly-cross', 'immunisation-borough-population']) {
      const res = await app.request(`/api/v1/extracts/${file}.parquet?borough=${BARNET}`, { headers: ics });
      expect(res.status, file).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('forbidden_area_level');
    }
    const region = await release.auth('region');
    expect((await app.request('/api/v1/extracts/immunisation-weekly.parquet?borough=E09999999', { headers: region })).status).toBe(404);
    const icb = await app.request(`/api/v1/extracts/immunisation-weekly.parquet?borough=${NEL}`, { headers: region });
    expect(icb.status).toBe(400);
    expect(((await icb.json()) as { detail: string }).detail).toContain('borough must be a borough');
    const open = await download(`immunisation-borough-monthly.parquet?borough=${BARNET}`);
    const [publicRows] = await open.query<{ boroughs: string }>('SELECT string_agg(DISTINCT borough_code, \',\') AS boroughs FROM {extract}');
    expect(publicRows!.boroughs).toBe(BARNET);
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
    expect(cached.some((f) => f.endsWith('-immunisation-weekly-by-borough'))).toBe(true);
    expect(cached.some((f) => f.endsWith('-borough-cube-source-with-sex-doses.parquet'))).toBe(true);
    expect(cached.some((f) => f.endsWith('-immunisation-weekly-public-complementary.parquet'))).toBe(true);
    // This process's builds are done and renamed into place; another test file, in another process, may be mid-build of the same release's.
    expect(cached.filter((f) => f.endsWith('.partial') && f.includes(`.${process.pid}.`))).toEqual([]);
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

describe('GET /api/v1/explore/views', () => {
  type Views = { meta: { disclosure: string }; cube: { first: string; last: string; boroughs: string[] }; views: Record<string, { key?: string; doses: number }[] | null> };
  const answerOf = async (query: string, headers: Record<string, string> = {}) => {
    const res = await app.request(`/api/v1/explore/views${query}`, { headers });
    expect(res.status, query).toBe(200);
    return (await res.json()) as Views;
  };

  it('answers the first view from the caller’s own cube: the public’s disclosure-controlled doses of the last twelve months, without the City of London', async () => {
    const answer = await answerOf('');
    expect(answer.meta.disclosure).toBe('suppressed-and-rounded');
    expect(answer.cube.boroughs).toHaveLength(BOROUGHS.length - 1);
    expect(answer.cube.boroughs).not.toContain(CITY);
    const cube = await download('immunisation-borough-monthly.parquet');
    const [expected] = await cube.query<{ doses: number }>(`SELECT coalesce(sum(doses), 0)::DOUBLE AS doses FROM {extract}
      WHERE breakdown = 'total' AND vaccine = 'mmr' AND dose = 1 AND month > (SELECT max(month) FROM {extract}) - INTERVAL 12 MONTH`);
    expect(answer.views.summary![0]!.doses).toBe(expected!.doses);
    expect(answer.views.map!.map((r) => r.key)).not.toContain(CITY);
    expect((await answerOf('?q=1')).views.ethnicity, 'the public cube has no ethnic groups within a quintile').toBeNull();
  });

  it('gives a token’s exact counts within its scope, ethnic groups within quintiles included, and refuses a bad selection with 400', async () => {
    const ics = await answerOf(`?borough=${HACKNEY},${BARNET}&q=1`, await release.auth('ics', NEL));
    expect(ics.meta.disclosure).toBe('none');
    expect(ics.cube.boroughs).toEqual(BOROUGHS.filter((b) => b.parent === NEL).map((b) => b.code).sort());
    expect(ics.views.map!.map((r) => r.key).every((k) => ics.cube.boroughs.includes(k!))).toBe(true);
    expect(ics.views.ethnicity!.length).toBeGreaterThan(0);
    const region = await answerOf(`?borough=${HACKNEY}&q=1`, await release.auth('region'));
    expect(region.views.summary).toEqual(ics.views.summary);
    const bad = await app.request('/api/v1/explore/views?q=6');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('q');
  });
});
