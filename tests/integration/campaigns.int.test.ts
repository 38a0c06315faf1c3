import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, CAMPAIGN_SPECS, ICBS, type CampaignOutreach, type CampaignProgress } from '@pathfinder/metrics';
import { DuckDbStore, createApp, prepareCampaignCubes, type DataStore } from '@pathfinder/server';
import { openReleaseViews } from '../../fixtures/test/release-views.ts';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let region: Record<string, string>;
beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
  region = await release.auth('region');
}, 120_000);
afterAll(() => release.dispose());

const NCL = 'E54000028';
const NEL = 'E54000029';
const PRIORITY = new Set(CAMPAIGN_SPECS[0]!.priorityAreas![0]!.boroughs);
const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const addDays = (date: string, n: number) => new Date(Date.parse(date) + n * DAY_MS).toISOString().slice(0, 10);
const releaseDir = () => path.join(release.dataDir, 'releases', release.manifest.id);

async function progress(query: string, headers: Record<string, string> = {}, id = 'polio-ipv-2022'): Promise<CampaignProgress> {
  const res = await app.request(`/api/v1/campaigns/${id}/progress?${query}`, { headers });
  expect(res.status, `${query}: ${res.status}`).toBe(200);
  return (await res.json()) as CampaignProgress;
}

async function problem(url: string, headers: Record<string, string> = {}, a = app) {
  const res = await a.request(url, { headers });
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return { status: res.status, ...((await res.json()) as { code: string; detail: string }) };
}

describe('GET /api/v1/campaigns', () => {
  it('lists the campaigns with their full definitions', async () => {
    const res = await app.request('/api/v1/campaigns');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { meta: { releaseId: string }; campaigns: { id: string; keyDates: { date: string }[]; target: { uptake: number }; priorityAreas: unknown[]; unvaccinatedAtStart: boolean }[] };
    expect(body.meta.releaseId).toBe(release.manifest.id);
    expect(body.campaigns.map((c) => c.id)).toEqual(['polio-ipv-2022', 'mmr-catch-up-2023']);
    const [polio, mmr] = body.campaigns;
    expect(polio!.keyDates.map((d) => d.date)).toContain('2022-10-13');
    expect(polio!.priorityAreas).toHaveLength(1);
    expect(mmr).toMatchObject({ unvaccinatedAtStart: true, target: { uptake: 20 } });
  });
});

describe('GET /api/v1/campaigns/{id}/progress', () => {
  it('puts London’s uptake among the eligible on 13 October 2022 near the reported 16%', async () => {
    const body = await progress('areaType=region&asOf=2022-10-13', region);
    expect(body.asOf).toBe('2022-10-13');
    expect(body.meta.disclosure).toBe('none');
    const london = body.rows[0]!;
    expect(london.areaCode).toBe('E12000007');
    expect(london.uptake!).toBeGreaterThan(13);
    expect(london.uptake!).toBeLessThan(19);
  });

  it('has the priority boroughs ahead of all others in early September 2022', async () => {
    const body = await progress('areaType=borough&asOf=2022-09-08', region);
    expect(body.rows).toHaveLength(33);
    const priority = body.rows.filter((r) => PRIORITY.has(r.areaCode));
    const others = body.rows.filter((r) => !PRIORITY.has(r.areaCode));
    expect(priority).toHaveLength(8);
    expect(priority.every((r) => r.start === '2022-08-16')).toBe(true);
    expect(others.every((r) => r.start === '2022-09-12')).toBe(true);
    expect(Math.min(...priority.map((r) => r.uptake!))).toBeGreaterThan(Math.max(...others.map((r) => r.uptake!)));
  });

  it('gives monotone weekly series ending on asOf whose running sums are the vaccinated counts', async () => {
    const body = await progress('areaType=borough&asOf=2022-12-01', region);
    for (const row of body.rows) {
      const s = row.series;
      expect(s[0]!.from).toBe('2022-08-16');
      expect(s.at(-1)!.date).toBe('2022-12-01');
      let running = 0;
      s.forEach((p, i) => {
        running += p.doses!;
        expect(p.cumulative).toBe(running);
        if (i > 0) {
          expect(days(s[i - 1]!.date, p.date)).toBe(7);
          expect(p.cumulative!).toBeGreaterThanOrEqual(s[i - 1]!.cumulative!);
          expect(p.from).toBe(addDays(s[i - 1]!.date, 1));
        }
      });
      expect(s.at(-1)!.cumulative).toBe(row.vaccinated);
      expect(row.dosesLatest).toBe(s.at(-1)!.doses);
      expect(row.dosesPrevious).toBe(s.at(-2)!.doses);
    }
  });

  it('gives trajectory, gap, run rate and projected date that a hand computation from the series confirms', async () => {
    const asOf = '2022-10-13';
    const [london, boroughs] = await Promise.all([progress(`areaType=region&asOf=${asOf}`, region), progress(`areaType=borough&asOf=${asOf}`, region)]);
    const row = london.rows[0]!;
    // London mixes two start dates: its trajectory is the boroughs' trajectories weighted by eligible children.
    const trajectoryOf = (start: string) => (50 * Math.max(0, days(start, asOf))) / days(start, '2023-03-31');
    expect(row.eligible).toBe(boroughs.rows.reduce((s, r) => s + r.eligible!, 0));
    expect(row.vaccinated).toBe(boroughs.rows.reduce((s, r) => s + r.vaccinated!, 0));
    expect(row.trajectory!).toBeCloseTo(boroughs.rows.reduce((s, r) => s + r.eligible! * trajectoryOf(r.start), 0) / row.eligible!, 9);
    for (const b of boroughs.rows) expect(b.trajectory!, b.areaCode).toBeCloseTo(trajectoryOf(b.start), 9);
    expect(row.behindTrajectory).toBe(row.uptake! < row.trajectory!);
    expect(row.behindBy).toBe(Math.max(0, Math.ceil((row.trajectory! * row.eligible!) / 100 - row.vaccinated!)));

    const recent = row.series.slice(-2);
    const perDay = recent.reduce((s, p) => s + p.doses!, 0) / recent.reduce((s, p) => s + days(p.from, p.date) + 1, 0);
    const gap = Math.ceil((50 * row.eligible!) / 100) - row.vaccinated!;
    expect(row.gapToTarget).toBe(gap);
    expect(row.currentRatePerWeek!).toBeCloseTo(perDay * 7, 9);
    expect(row.runRateNeededPerWeek!).toBeCloseTo(gap / (days(asOf, '2023-03-31') / 7), 9);
    expect(row.projectedDate).toBe(addDays(asOf, Math.ceil(gap / perDay)));
  });

  it('gives daily intervals', async () => {
    const body = await progress('areaType=icb&interval=day&asOf=2022-08-31', region);
    expect(body.rows).toHaveLength(5);
    expect(body.rows[0]!.series.map((p) => p.date)).toEqual(Array.from({ length: 16 }, (_, i) => addDays('2022-08-16', i)));
  });

  it('runs the MMR catch-up declared as data: children with no MMR before it opened, vaccinated in its window', async () => {
    const body = await progress('areaType=region', region, 'mmr-catch-up-2023');
    expect(body.asOf).toBe('2024-03-31');
    expect(body.campaign).toMatchObject({ opens: '2023-11-01', vaccine: 'mmr', dose: null });
    const row = body.rows[0]!;
    const views = await openReleaseViews(releaseDir());
    try {
      const [expected] = await views.rows<{ eligible: number; vaccinated: number }>(`
        SELECT count(*) AS eligible,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM doses d WHERE d.child_id = c.child_id AND d.vaccine = 'mmr' AND d.event_date BETWEEN DATE '2023-11-01' AND DATE '2024-03-31')) AS vaccinated
        FROM children c JOIN areas a ON a.area_code = c.practice_code AND a.area_type = 'practice'
        WHERE c.birth_date BETWEEN DATE '2018-01-01' AND DATE '2022-12-31'
          AND NOT EXISTS (SELECT 1 FROM doses d WHERE d.child_id = c.child_id AND d.vaccine = 'mmr' AND d.event_date < DATE '2023-11-01')`);
      expect(row.eligible).toBe(expected!.eligible);
      expect(row.vaccinated).toBe(expected!.vaccinated);
    } finally {
      views.close();
    }
    expect(row.eligible!).toBeGreaterThan(0);
    expect(row.vaccinated!).toBeGreaterThan(0);
  });

  it('answers as CSV, one row per area', async () => {
    const res = await app.request('/api/v1/campaigns/polio-ipv-2022/progress?areaType=borough&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('Campaign ID');
    expect(lines[0]).toContain('Area Code');
    expect(lines[0]).toContain('Uptake');
    // The City of London is published within Hackney.
    expect(lines).toHaveLength(BOROUGHS.length);
  });

  it('opens practice level to region and own-ICB ics tokens only', async () => {
    expect((await problem('/api/v1/campaigns/polio-ipv-2022/progress?areaType=practice')).status).toBe(401);
    const ics = await release.auth('ics', NEL);
    expect(await problem(`/api/v1/campaigns/polio-ipv-2022/progress?areaType=practice&parent=${NCL}`, ics)).toMatchObject({ status: 403, code: 'forbidden_area_level' });
    const own = await progress('areaType=practice', ics);
    expect(own.meta.disclosure).toBe('none');
    const areas = release.store.current().areas;
    expect(own.rows.length).toBe(areas.list('practice', NEL).length);
    expect(own.rows.every((r) => areas.get(r.areaCode)!.icbCode === NEL)).toBe(true);
  });

  it('refuses unknown campaigns and parents with 404, bad parameters with 400 naming them', async () => {
    expect(await problem('/api/v1/campaigns/nope/progress')).toMatchObject({ status: 404, code: 'campaign_not_found' });
    expect(await problem('/api/v1/campaigns/polio-ipv-2022/progress?parent=E09999999')).toMatchObject({ status: 404, code: 'area_not_found' });
    for (const [query, name] of [['interval=month', 'interval'], ['areaType=england', 'areaType'], ['asOf=2022-13-01', 'asOf'], ['asOf=2022-08-01', 'asOf'], ['asOf=2023-06-01', 'asOf']] as const) {
      const p = await problem(`/api/v1/campaigns/polio-ipv-2022/progress?${query}`);
      expect(p.status, query).toBe(400);
      expect(p.detail, query).toContain(`invalid parameter ${name}`);
    }
  });

  it('answers 404 no_event_data when the release has no event data', async () => {
    const store = release.store;
    const noEvents: DataStore = { current: () => ({ ...store.current(), hasEvents: false }), refresh: async () => false, close: async () => undefined };
    const p = await problem('/api/v1/campaigns/polio-ipv-2022/progress', {}, release.app({ store: noEvents }));
    expect(p).toMatchObject({ status: 404, code: 'no_event_data' });
    expect(p.detail).toContain('has none');
  });
});

describe('GET /api/v1/campaigns/{id}/outreach', () => {
  const outreach = async (query: string, headers: Record<string, string> = {}) => {
    const res = await app.request(`/api/v1/campaigns/polio-ipv-2022/outreach?${query}`, { headers });
    expect(res.status, `${query}: ${res.status}`).toBe(200);
    return (await res.json()) as CampaignOutreach;
  };
  const oneDecimal = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  /** A CSV line's fields (RFC 4180 quoting, as `csvLine` writes it). */
  const fields = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"'));

  it('lists every London practice for a region token as CSV: a first row naming the as-of date and the release, then borough and ICB columns, rounded percentages', async () => {
    const res = await app.request('/api/v1/campaigns/polio-ipv-2022/outreach?asOf=2022-10-13&format=csv', { headers: region });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="polio-ipv-2022-outreach-practice-2022-10-13.csv"');
    const [title, heading, ...lines] = (await res.text()).trim().split('\n');
    expect(title).toBe(`Outreach list,Polio IPV booster campaign 2022 (ages 1 to 9),As of,2022-10-13,Release,${release.manifest.id},Synthetic data,yes`);
    expect(heading).toBe('Rank,Practice code,Practice,Borough code,Borough,ICB code,ICB,Eligible children,Vaccinated,Uptake (%),Trajectory (%),Still to vaccinate to reach 50%,Behind trajectory (children),Needed a week,Projected uptake on 2023-03-31 (%),Projected short of 50% on 2023-03-31,Note');
    const practices = (await progress('areaType=practice&asOf=2022-10-13', region)).rows;
    expect(lines).toHaveLength(practices.length);
    const cells = lines.map(fields);
    expect(new Set(cells.map((c) => c[5]))).toEqual(new Set(ICBS.map((i) => i.code)));
    expect(new Set(cells.map((c) => c[3])).size).toBe(BOROUGHS.length);
    expect(cells.map((c) => Number(c[0]))).toEqual(lines.map((_, i) => i + 1));
    for (const c of cells) expect(c[9], 'uptake to one decimal').toMatch(/^\d+(\.\d)?$/);
    const byCode = new Map(practices.map((r) => [r.areaCode, r]));
    const gaps = cells.map((c) => Number(c[11]));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    for (const c of cells.slice(0, 20)) {
      const row = byCode.get(c[1]!)!;
      expect(Number(c[11])).toBe(row.gapToTarget);
      expect(Number(c[9])).toBe(oneDecimal(row.uptake));
      expect(release.store.current().areas.get(c[1]!)!.boroughCode).toBe(c[3]);
    }
  });

  it('keeps an ics token to its own ICB: all its practices by default, 403 for another ICB’s, other boroughs disclosure-controlled', async () => {
    const ics = await release.auth('ics', NEL);
    const own = await outreach('asOf=2022-10-13', ics);
    expect(own.meta.disclosure).toBe('none');
    expect(own.icb).toBeNull();
    expect(own.rows.length).toBe(release.store.current().areas.list('practice', NEL).length);
    expect(own.rows.every((r) => r.icbCode === NEL && r.icbName === 'North East London')).toBe(true);
    expect((await outreach(`asOf=2022-10-13&icb=${NEL}`, ics)).rows).toEqual(own.rows);
    expect(await problem(`/api/v1/campaigns/polio-ipv-2022/outreach?icb=${NCL}`, ics)).toMatchObject({ status: 403, code: 'forbidden_area_level' });
    expect(await problem(`/api/v1/campaigns/polio-ipv-2022/outreach?level=pcn&icb=${NCL}`, ics)).toMatchObject({ status: 403, code: 'forbidden_area_level' });
    // Boroughs: London's, the public's figures on the public weekly grid outside its ICB.
    const boroughs = await outreach('level=borough&asOf=2022-10-13', ics);
    const publicBoroughs = await outreach('level=borough&asOf=2022-10-13');
    expect(boroughs.asOf).toBe(publicBoroughs.asOf);
    for (const row of boroughs.rows.filter((r) => r.icbCode !== NEL)) expect({ ...row, rank: 0 }).toEqual({ ...publicBoroughs.rows.find((r) => r.areaCode === row.areaCode)!, rank: 0 });
  });

  it('gives the public the boroughs only, exactly as its progress answer has them, and refuses practices and PCNs', async () => {
    expect(await problem('/api/v1/campaigns/polio-ipv-2022/outreach')).toMatchObject({ status: 401, code: 'forbidden_area_level' });
    expect(await problem('/api/v1/campaigns/polio-ipv-2022/outreach?level=pcn&format=csv')).toMatchObject({ status: 401 });
    expect(await problem('/api/v1/campaigns/polio-ipv-2022/outreach?level=borough&nope=1')).toMatchObject({ status: 400 });
    const list = await outreach('level=borough&asOf=2022-10-13');
    const published = await progress('areaType=borough&asOf=2022-10-13');
    expect(list.asOf).toBe('2022-10-09');
    expect(list.meta.disclosure).toBe(published.meta.disclosure);
    // The City of London is counted within Hackney, as in every public answer.
    expect(list.rows.map((r) => r.areaCode).sort()).toEqual(published.rows.map((r) => r.areaCode).sort());
    for (const row of list.rows) {
      const p = published.rows.find((r) => r.areaCode === row.areaCode)!;
      expect([row.eligible, row.vaccinated, row.gapToTarget, row.behindBy, row.uptake]).toEqual([p.eligible, p.vaccinated, p.gapToTarget, p.behindBy, oneDecimal(p.uptake)]);
      expect(row.boroughCode).toBe(row.areaCode);
    }
  });
});

describe('GET /api/v1/campaigns/{id}/progress?breakdown=', () => {

  it('splits London by deprivation quintile into groups that add up to London, overall and week by week', async () => {
    const [total, byQuintile] = await Promise.all([progress('areaType=region&asOf=2022-10-13', region), progress('areaType=region&asOf=2022-10-13&breakdown=deprivation', region)]);
    expect(total.breakdown).toBeNull();
    expect(total.rows[0]!.group).toBeNull();
    expect(byQuintile.breakdown).toBe('deprivation');
    const groups = byQuintile.rows;
    expect(groups.map((r) => r.group)).toEqual(['deprivation:1', 'deprivation:2', 'deprivation:3', 'deprivation:4', 'deprivation:5']);
    expect(groups.map((r) => r.groupLabel)).toEqual(['Most deprived 20%', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Least deprived 20%']);
    expect(groups.every((r) => r.areaCode === 'E12000007')).toBe(true);
    const london = total.rows[0]!;
    expect(groups.reduce((s, r) => s + r.eligible!, 0)).toBe(london.eligible);
    expect(groups.reduce((s, r) => s + r.vaccinated!, 0)).toBe(london.vaccinated);
    london.series.forEach((point, i) => {
      expect(groups.reduce((s, r) => s + r.series[i]!.doses!, 0), point.date).toBe(point.doses);
    });
    for (const r of groups) expect(r.uptake!).toBeCloseTo((100 * r.vaccinated!) / r.eligible!, 9);
    // The synthetic data has the usual gradient: the most deprived fifth takes up the booster least.
    expect(groups[0]!.uptake!).toBeLessThan(groups[4]!.uptake!);
  });

  it('gives every borough of an ICB the same ethnic groups, in a fixed order, adding up to the borough', async () => {
    const [boroughs, byEthnicity] = await Promise.all([progress(`areaType=borough&parent=${NEL}`, region), progress(`areaType=borough&parent=${NEL}&breakdown=ethnicity`, region)]);
    expect(boroughs.rows).toHaveLength(8);
    for (const borough of boroughs.rows) {
      const groups = byEthnicity.rows.filter((r) => r.areaCode === borough.areaCode);
      expect(groups.map((r) => r.groupLabel)).toEqual(['White', 'Mixed', 'Asian', 'Black', 'Other']);
      expect(groups.reduce((s, r) => s + r.eligible!, 0)).toBe(borough.eligible);
      expect(groups.reduce((s, r) => s + r.vaccinated!, 0)).toBe(borough.vaccinated);
    }
  });

  it('gives a breakdown below London only for the areas a token sees unrounded: none to the public, its own ICB’s to an ics token', async () => {
    expect(await problem('/api/v1/campaigns/polio-ipv-2022/progress?areaType=borough&breakdown=ethnicity')).toMatchObject({ status: 401, code: 'forbidden_detail' });
    expect(new Set((await progress('areaType=icb&breakdown=deprivation', await release.auth('ics', NEL))).rows.map((r) => r.areaCode))).toEqual(new Set([NEL]));
    const ics = await progress('areaType=borough&breakdown=ethnicity&asOf=2022-09-08', await release.auth('ics', NEL));
    expect(ics.meta.disclosure).toBe('none');
    expect(new Set(ics.rows.map((r) => r.parentCode))).toEqual(new Set([NEL]));
    expect(ics.asOf).toBe('2022-09-08');
    expect(await problem('/api/v1/campaigns/polio-ipv-2022/progress?areaType=borough&breakdown=ethnicity&parent=E54000028', await release.auth('ics', NEL))).toMatchObject({ status: 403, code: 'forbidden_detail' });
  });

  it('answers the breakdown as CSV with the group columns, and refuses an unknown breakdown with 400', async () => {
    const res = await app.request('/api/v1/campaigns/polio-ipv-2022/progress?areaType=region&breakdown=deprivation&format=csv');
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('Group Label');
    expect(lines).toHaveLength(1 + 5);
    const p = await problem('/api/v1/campaigns/polio-ipv-2022/progress?breakdown=sex');
    expect(p.status).toBe(400);
    expect(p.detail).toContain('invalid parameter breakdown');
  });
});

describe('campaigns.json', () => {
  const extra = {
    ...CAMPAIGN_SPECS[0]!,
    id: 'ipv-brent-barnet',
    name: 'IPV booster, Brent and Barnet only',
    indicatorId: null,
    areas: ['E09000003', 'E09000005'],
    priorityAreas: [],
    start: '2022-08-16',
  };

  it('adds campaigns from the data directory and replaces built-in ones from the release folder; a broken file is a clear 500', async () => {
    const dataDirFile = path.join(release.dataDir, 'campaigns.json');
    const releaseFile = path.join(releaseDir(), 'campaigns.json');
    try {
      await writeFile(dataDirFile, JSON.stringify([extra]));
      await writeFile(releaseFile, JSON.stringify([{ ...CAMPAIGN_SPECS[1]!, name: 'Renamed in the release' }]));
      const fresh = release.app();
      const list = (await (await fresh.request('/api/v1/campaigns')).json()) as { campaigns: { id: string; name: string }[] };
      expect(list.campaigns.map((c) => c.id)).toEqual(['polio-ipv-2022', 'mmr-catch-up-2023', 'ipv-brent-barnet']);
      expect(list.campaigns[1]!.name).toBe('Renamed in the release');
      const res = await fresh.request('/api/v1/campaigns/ipv-brent-barnet/progress?areaType=borough&asOf=2022-10-13', { headers: region });
      const body = (await res.json()) as CampaignProgress;
      expect(body.rows.map((r) => r.areaCode)).toEqual(['E09000003', 'E09000005']);
      expect(body.rows.every((r) => r.start === '2022-08-16' && r.vaccinated! > 0)).toBe(true);

      await writeFile(dataDirFile, '[{"id": "broken"');
      expect(await problem('/api/v1/campaigns', {}, release.app())).toMatchObject({ status: 500, code: 'invalid_campaigns_file' });
      await writeFile(dataDirFile, JSON.stringify([{ ...extra, areas: ['E09000099'] }]));
      const invalid = await problem('/api/v1/campaigns', {}, release.app());
      expect(invalid.detail).toContain('campaigns.json in the data directory: campaign ipv-brent-barnet: areas');
    } finally {
      await rm(dataDirFile, { force: true });
      await rm(releaseFile, { force: true });
    }
  });
});

describe('campaign cubes', () => {
  it('are built for every campaign before a release serves; progress then sums them, with the same answers', async () => {
    const store = await DuckDbStore.open(release.dataDir, { prepare: prepareCampaignCubes });
    try {
      const tables = store.current().tables;
      expect(tables.size).toBe(CAMPAIGN_SPECS.length);
      const prepared = createApp({ store });
      for (const query of ['areaType=borough', 'areaType=region&breakdown=ethnicity', 'areaType=icb&asOf=2022-10-13']) {
        const url = `/api/v1/campaigns/polio-ipv-2022/progress?${query}`;
        const res = await prepared.request(url);
        expect(res.status, url).toBe(200);
        expect(await res.json()).toEqual(await (await app.request(url)).json());
      }
      expect(tables.size).toBe(CAMPAIGN_SPECS.length);
    } finally {
      await store.close();
    }
  });
});

describe('campaign progress for the public: one disclosure-controlled table on a fixed weekly grid', () => {
  const HACKNEY = 'E09000012';
  const CITY = 'E09000001';
  const isSunday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0;

  /**
   * What an attacker knows of a count from its published value, by the rule SECURITY.md states:
   * running counts (cumulative) rounded to 10, other counts to 5, 1–7 hidden, 0 shown.
   */
  const possible = (shown: number | null, kind: 'cumulative' | 'count'): [number, number] => {
    if (shown === null) return [1, Number.POSITIVE_INFINITY];
    if (shown === 0) return [0, 0];
    if (kind === 'count') return shown === 10 ? [8, 12] : [shown - 2, shown + 2];
    return shown === 10 ? [8, 14] : [shown - 5, shown + 4];
  };

  interface Answers { borough: CampaignProgress; icb: CampaignProgress; london: CampaignProgress; deprivation: CampaignProgress; ethnicity: CampaignProgress }
  // The MMR catch-up's eligible children are few, so its public table has hidden cells to protect.
  const byCampaign = new Map<string, Answers>();
  beforeAll(async () => {
    for (const id of ['polio-ipv-2022', 'mmr-catch-up-2023']) {
      const [borough, icb, london, deprivation, ethnicity] = await Promise.all(['areaType=borough', 'areaType=icb', 'areaType=region', 'areaType=region&breakdown=deprivation', 'areaType=region&breakdown=ethnicity'].map((q) => progress(q, {}, id)));
      byCampaign.set(id, { borough: borough!, icb: icb!, london: london!, deprivation: deprivation!, ethnicity: ethnicity! });
    }
  });
  const polio = () => byCampaign.get('polio-ipv-2022')!;
  const allRows = () => [...byCampaign.values()].flatMap((a) => Object.values(a).flatMap((x: CampaignProgress) => x.rows.map((r) => ({ ...r, target: x.campaign.target.uptake }))));

  it('publishes every count as 0 or a multiple of 5 of at least 10', () => {
    const counts = allRows().flatMap((r) => [r.eligible, r.vaccinated, r.dosesLatest, r.dosesPrevious, r.behindBy, r.gapToTarget, ...r.series.flatMap((p) => [p.doses, p.cumulative])]);
    expect(counts.length).toBeGreaterThan(1000);
    const bad = counts.filter((n) => n !== null && n !== 0 && !(n % 5 === 0 && n >= 10));
    expect(bad).toEqual([]);
  });

  it('computes uptake from the published counts: published cumulative over published eligible, to one decimal', () => {
    let checked = 0;
    for (const r of allRows()) {
      for (const p of r.series) {
        if (p.cumulative === null || !r.eligible) {
          expect(p.uptake).toBeNull();
          continue;
        }
        expect(Math.abs(p.uptake! - (100 * p.cumulative) / r.eligible), `${r.areaCode} ${r.group} ${p.date}`).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.round(p.uptake! * 10)).toBe(p.uptake! * 10);
        checked++;
      }
      if (r.vaccinated !== null && r.eligible) expect(Math.abs(r.uptake! - (100 * r.vaccinated) / r.eligible)).toBeLessThanOrEqual(0.05 + 1e-9);
      if (r.vaccinated !== null && r.eligible && r.gapToTarget !== null) expect(Math.abs(r.gapToTarget - Math.max(0, Math.ceil((r.target * r.eligible) / 100) - r.vaccinated))).toBeLessThanOrEqual(2);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('snaps asOf back to the campaign’s weekly grid (weeks ending on Sunday) and says which date it used', async () => {
    const body = await progress('areaType=region&asOf=2022-10-13');
    expect(body.campaign.weekEndsOn).toBe('sunday');
    expect(body.asOf).toBe('2022-10-09');
    expect(body.interval).toBe('week');
    const dates = body.rows[0]!.series.map((p) => p.date);
    expect(dates.at(-1)).toBe('2022-10-09');
    expect(dates.every(isSunday)).toBe(true);
    expect(body.rows[0]!.series[0]!.from).toBe('2022-08-16');
    expect(isSunday(polio().london.asOf)).toBe(true);
  });

  it('gives identical answers for two asOf dates inside one week, and the same cells in every answer', async () => {
    const [monday, saturday] = await Promise.all([progress('areaType=borough&asOf=2022-11-07'), progress('areaType=borough&asOf=2022-11-12')]);
    expect(monday.asOf).toBe('2022-11-06');
    expect(saturday).toEqual(monday);
    // An earlier week's answer is the latest answer's series cut at that week.
    for (const row of monday.rows) {
      const latest = polio().borough.rows.find((r) => r.areaCode === row.areaCode)!;
      expect(row.series).toEqual(latest.series.slice(0, row.series.length));
      expect(row.eligible).toBe(latest.eligible);
    }
    // An ics caller sees other ICBs' boroughs exactly as the public does.
    const ics = await progress('areaType=borough&asOf=2022-11-12', await release.auth('ics', NCL));
    expect(ics.asOf).toBe('2022-11-06');
    for (const row of ics.rows.filter((r) => r.parentCode !== NCL)) expect(row).toEqual(monday.rows.find((r) => r.areaCode === row.areaCode));
    // Its own ICB's boroughs are exact, on the same grid.
    const exact = await progress('areaType=borough&asOf=2022-11-06', region);
    for (const row of ics.rows.filter((r) => r.parentCode === NCL)) expect(row).toEqual(exact.rows.find((r) => r.areaCode === row.areaCode));
  });

  it('refuses daily intervals and breakdowns below London to the public with a 401 that says a token is needed', async () => {
    for (const query of ['interval=day', 'areaType=region&interval=day', 'areaType=icb&breakdown=deprivation']) {
      const p = await problem(`/api/v1/campaigns/polio-ipv-2022/progress?${query}`);
      expect(p, query).toMatchObject({ status: 401, code: 'forbidden_detail' });
      expect(p.detail).toContain('needs a token');
    }
  });

  it('never gives the City of London a row: Hackney’s public row counts both and says so', async () => {
    const answers = polio();
    const exact = await progress(`areaType=borough&asOf=${answers.borough.asOf}`, region);
    expect(answers.borough.rows.map((r) => r.areaCode)).not.toContain(CITY);
    expect(answers.borough.rows).toHaveLength(32);
    const hackney = answers.borough.rows.find((r) => r.areaCode === HACKNEY)!;
    expect(hackney.note).toContain('City of London');
    expect(answers.borough.rows.filter((r) => r.note !== null).map((r) => r.areaCode)).toEqual([HACKNEY]);
    const [exactHackney, exactCity] = [HACKNEY, CITY].map((code) => exact.rows.find((r) => r.areaCode === code)!);
    expect(Math.abs(hackney.eligible! - exactHackney!.eligible! - exactCity!.eligible!)).toBeLessThanOrEqual(2);
    expect(Math.abs(hackney.vaccinated! - exactHackney!.vaccinated! - exactCity!.vaccinated!)).toBeLessThanOrEqual(5);
    expect((await progress(`areaType=borough&parent=${NEL}`)).rows.map((r) => r.areaCode)).not.toContain(CITY);
  });

  it('lets no differencing recover a count: consecutive weeks, groups against their total, boroughs against their ICB, ICBs against London', async () => {
    // Consecutive weeks: every week's doses (but a published 0) keep more than 5 possible values given the two running counts around it.
    let narrowest = Number.POSITIVE_INFINITY;
    for (const r of allRows()) {
      r.series.forEach((p, i) => {
        const before = i === 0 ? 0 : r.series[i - 1]!.cumulative;
        // Two published zeros say the week had none: a 0 is published as it is.
        if (before === null || p.cumulative === null || (before === 0 && p.cumulative === 0)) return;
        const [[a0, a1], [b0, b1]] = [i === 0 ? [0, 0] : possible(before, 'cumulative'), possible(p.cumulative, 'cumulative')];
        narrowest = Math.min(narrowest, Math.max(0, b1 - a0) - Math.max(0, b0 - a1) + 1);
      });
    }
    expect(narrowest).toBeGreaterThan(5);

    // Families: a published total minus its published members bounds the hidden ones. No hidden member is ever alone
    // beside a published total, and none is pinned within 5 values by the windows of the others.
    const alone: string[] = [];
    const recovered: string[] = [];
    let hiddenCells = 0;
    const family = (name: string, total: number | null, members: (number | null)[], kind: 'cumulative' | 'count') => {
      const hidden = members.filter((n) => n === null).length;
      hiddenCells += hidden;
      if (total === null || hidden !== 1) return;
      alone.push(name);
      const shown = members.filter((n): n is number => n !== null).map((n) => possible(n, kind));
      const [t0, t1] = possible(total, kind);
      const low = Math.max(1, t0 - shown.reduce((s, [, hi]) => s + hi, 0));
      const high = t1 - shown.reduce((s, [lo]) => s + lo, 0);
      if (high - low + 1 <= 5) recovered.push(name);
    };
    const check = (name: string, parent: CampaignProgress['rows'][number], members: CampaignProgress['rows']) => {
      family(`${name} eligible`, parent.eligible, members.map((m) => m.eligible), 'count');
      parent.series.forEach((p, i) => {
        family(`${name} ${p.date}`, p.cumulative, members.map((m) => m.series[i]!.cumulative), 'cumulative');
      });
    };
    for (const [id, answers] of byCampaign) {
      const london = answers.london.rows[0]!;
      check(`${id} groups by deprivation`, london, answers.deprivation.rows);
      check(`${id} groups by ethnicity`, london, answers.ethnicity.rows);
      check(`${id} ICBs of London`, london, answers.icb.rows);
      for (const icb of answers.icb.rows) check(`${id} boroughs of ${icb.areaCode}`, icb, answers.borough.rows.filter((b) => b.parentCode === icb.areaCode));
    }
    expect(hiddenCells, 'the test meets hidden cells to protect').toBeGreaterThan(0);
    expect(alone).toEqual([]);
    expect(recovered).toEqual([]);
  });
});
