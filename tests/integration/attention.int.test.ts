import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_SPECS, ICBS, LONDON, SEVERITIES, type AttentionItem, type AttentionList, type CampaignProgress, type IndicatorValues, type Trend } from '@pathfinder/metrics';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
const NEL = ICBS.find((i) => i.name.includes('North East'))!.code;
let headers: { region: Record<string, string>; nel: Record<string, string> };

beforeAll(async () => {
  release = await openTestRelease();
  // A catch-up running at the release's data date (the built-in ones have ended), so its boroughs have campaign statuses.
  const running = { ...CAMPAIGN_SPECS[1]!, id: 'mmr-catch-up-2025', name: 'MMR catch-up 2024/25', start: '2024-11-01', end: '2025-06-30', eligible: { ...CAMPAIGN_SPECS[1]!.eligible, bornFrom: '2019-01-01', bornTo: '2023-12-31' }, target: { ...CAMPAIGN_SPECS[1]!.target, uptake: 60, by: '2025-06-30' }, keyDates: [] };
  await writeFile(path.join(release.dataDir, 'campaigns.json'), JSON.stringify([running]));
  app = release.app();
  headers = { region: await release.auth('region'), nel: await release.auth('ics', NEL) };
});
afterAll(() => release?.dispose());

async function list(query: string, h: Record<string, string> = {}): Promise<AttentionList> {
  const res = await app.request(`/api/v1/attention${query}`, { headers: h });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AttentionList;
}

const areaOf = (code: string) => release.store.current().areas.get(code)!;

describe('GET /attention', () => {
  it('gives the region every level, practices included, each item a status of an area it may see', async () => {
    const all = await list('?limit=5000', headers.region);
    expect(new Set(all.items.map((i) => i.areaType))).toEqual(new Set(['region', 'icb', 'borough', 'pcn', 'practice']));
    expect(all.items.every((i) => i.severity !== 'ok')).toBe(true);
    const practices = await list('?areaType=practice&limit=20', headers.region);
    expect(practices.items.length).toBeGreaterThan(0);
    expect(practices.items.every((i) => i.areaType === 'practice')).toBe(true);
  });

  it("gives an ICB's token its ICB, boroughs, PCNs and practices only", async () => {
    const all = await list('?limit=5000', headers.nel);
    expect(all.items.length).toBeGreaterThan(0);
    const foreign = all.items.filter((i) => i.areaCode !== NEL && areaOf(i.areaCode).icbCode !== NEL);
    expect(foreign.map((i) => i.areaCode)).toEqual([]);
    expect(new Set(all.items.map((i) => i.areaType))).toEqual(new Set(['icb', 'borough', 'pcn', 'practice']));
  });

  it('never gives the public a practice or PCN item, and refuses those levels as the values answer does', async () => {
    for (const severity of SEVERITIES) {
      const { items } = await list(`?severity=${severity}&limit=5000`);
      expect(items.filter((i) => i.areaType === 'practice' || i.areaType === 'pcn')).toEqual([]);
    }
    for (const level of ['practice', 'pcn']) {
      const values = await app.request(`/api/v1/indicators/imm-mmr1-24m/values?areaType=${level}`);
      const attention = await app.request(`/api/v1/attention?areaType=${level}`);
      expect(attention.status).toBe(values.status);
      expect(attention.status).toBe(401);
    }
    const practice = release.store.current().areas.list('practice')[0]!.code;
    expect((await app.request(`/api/v1/attention?area=${practice}`)).status).toBe(401);
  });

  it("computes the public's statuses from the public answers alone: each value and benchmark is the public values answer's", async () => {
    const { items } = await list('?limit=5000&areaType=borough');
    const every = [...items, ...(await list('?limit=5000&areaType=borough&severity=ok')).items].filter((i) => i.kind === 'indicator');
    expect(every.length).toBeGreaterThan(0);
    const groups = new Map<string, AttentionItem[]>();
    for (const item of every) groups.set(`${item.indicatorId}|${item.period}`, [...(groups.get(`${item.indicatorId}|${item.period}`) ?? []), item]);
    let compared = 0;
    for (const [key, group] of groups) {
      const [id, period] = key.split('|') as [string, string];
      const res = await app.request(`/api/v1/indicators/${id}/values?areaType=borough&period=${encodeURIComponent(period)}&comparator=london`);
      expect(res.status).toBe(200);
      const values = (await res.json()) as IndicatorValues;
      for (const item of group) {
        const row = values.rows.find((r) => r.areaCode === item.areaCode)!;
        expect(item.value, `${id} ${item.areaCode}`).toBe(row.value);
        expect(item.benchmark?.value ?? null).toBe(values.comparator?.value ?? null);
        expect(item.benchmark?.comparison).toBe(row.comparison);
        compared++;
      }
    }
    expect(compared).toBe(every.length);
  });

  it("agrees with the trend answer's SPC variation and recent trend for the same series", async () => {
    const { items } = await list('?areaType=borough&limit=40', headers.region);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items.filter((i) => i.kind === 'indicator')) {
      const trend = (await (await app.request(`/api/v1/indicators/${item.indicatorId}/trend?area=${item.areaCode}`, { headers: headers.region })).json()) as Trend;
      expect(trend.points.at(-1)!.period).toBe(item.period);
      expect(item.value).toBe(trend.points.at(-1)!.value);
      expect(item.recentTrend).toBe(trend.recentTrend.label);
      if (trend.points.every((p) => p.value !== null)) expect(item.variation).toBe(trend.spc.variation);
      expect(item.sparkline.map((p) => p.value)).toEqual(trend.points.slice(-12).map((p) => p.value));
    }
  });

  it('ranks by severity, then people affected, then area and indicator', async () => {
    const { items } = await list('?areaType=borough&limit=5000&severity=act', headers.region);
    const all = [...items, ...(await list('?areaType=borough&limit=5000&severity=watch', headers.region)).items];
    const { items: ranked, total } = await list('?areaType=borough&limit=5000', headers.region);
    expect(ranked).toHaveLength(total);
    expect(ranked.slice(0, all.length).map((i) => `${i.areaCode}|${i.indicatorId}`)).toEqual(all.map((i) => `${i.areaCode}|${i.indicatorId}`));
    for (let k = 1; k < ranked.length; k++) {
      const [a, b] = [ranked[k - 1]!, ranked[k]!];
      const order = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (b.denominator ?? -1) - (a.denominator ?? -1) || a.areaCode.localeCompare(b.areaCode) || a.indicatorId.localeCompare(b.indicatorId);
      expect(order, `${k}: ${a.areaCode} ${a.indicatorId} before ${b.areaCode} ${b.indicatorId}`).toBeLessThan(0);
    }
  });

  it('filters by level, domain, severity, parent and area, counting severities before the severity filter and limit', async () => {
    const boroughs = await list('?areaType=borough&domain=immunisation&limit=5000', headers.region);
    expect(boroughs.items.every((i) => i.areaType === 'borough' && i.domain === 'immunisation')).toBe(true);
    expect(boroughs.total).toBe(boroughs.counts.act + boroughs.counts.watch + boroughs.counts.improving);
    const act = await list('?areaType=borough&domain=immunisation&severity=act&limit=3', headers.region);
    expect(act.items.length).toBeLessThanOrEqual(3);
    expect(act.items.every((i) => i.severity === 'act')).toBe(true);
    expect(act.total).toBe(boroughs.counts.act);
    expect(act.counts).toEqual(boroughs.counts);
    const within = await list(`?parent=${NEL}&limit=5000`, headers.region);
    expect(within.items.every((i) => areaOf(i.areaCode).ancestors.includes(NEL))).toBe(true);
    const one = await list(`?area=${LONDON.code}`, headers.region);
    expect(one.items.every((i) => i.areaCode === LONDON.code)).toBe(true);
    expect(one.total).toBe(Object.values(one.counts).reduce((s, n) => s + n, 0));
    expect(one.items.some((i) => i.severity === 'ok') || one.counts.ok === 0).toBe(true);
  });

  it("refuses another ICB's practice as an unknown area, and a bad or unknown parameter", async () => {
    const other = release.store.current().areas.list('practice').find((p) => p.icbCode !== NEL)!.code;
    const attention = await app.request(`/api/v1/attention?area=${other}`, { headers: headers.nel });
    const trend = await app.request(`/api/v1/indicators/imm-mmr1-24m/trend?area=${other}`, { headers: headers.nel });
    expect(attention.status).toBe(404);
    expect(attention.status).toBe(trend.status);
    expect((await app.request('/api/v1/attention?areaTyp=borough')).status).toBe(400);
    expect((await app.request('/api/v1/attention?severity=urgent')).status).toBe(400);
    expect((await app.request('/api/v1/attention?limit=0')).status).toBe(400);
    expect((await app.request('/api/v1/attention?parent=E99999999')).status).toBe(404);
  });

  it('is cached per caller scope like every data answer: the same ETag answers 304, another scope gets its own', async () => {
    const first = await app.request('/api/v1/attention?limit=3', { headers: headers.nel });
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await app.request('/api/v1/attention?limit=3', { headers: { ...headers.nel, 'If-None-Match': etag } })).status).toBe(304);
    const region = await app.request('/api/v1/attention?limit=3', { headers: { ...headers.region, 'If-None-Match': etag } });
    expect(region.status).toBe(200);
    expect(region.headers.get('etag')).not.toBe(etag);
  });

  it('names the release asked for in each link, and answers CSV', async () => {
    const id = release.manifest.id;
    const named = await list(`?release=${id}&limit=5`);
    expect(named.items.length).toBeGreaterThan(0);
    expect(named.items.every((i) => i.link.endsWith(`&release=${encodeURIComponent(id)}`))).toBe(true);
    const current = await list('?limit=5');
    expect(current.items.every((i) => !i.link.includes('release='))).toBe(true);
    const csv = await app.request('/api/v1/attention?format=csv&limit=5');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + Math.min(5, current.total));
  });

  it('gives each borough of a running campaign a status from the progress answer the caller gets: behind its trajectory, by how many children', async () => {
    for (const [who, h] of [['region', headers.region], ['public', {}], ['nel', headers.nel]] as const) {
      const { items } = await list('?area=E09000012&domain=immunisation', h);
      const campaign = items.filter((i) => i.kind === 'campaign');
      expect(campaign.map((i) => i.indicatorId), who).toEqual(['mmr-catch-up-2025']);
      const progress = (await (await app.request('/api/v1/campaigns/mmr-catch-up-2025/progress?areaType=borough', { headers: h })).json()) as CampaignProgress;
      const row = progress.rows.find((r) => r.areaCode === 'E09000012')!;
      const [item] = campaign as [AttentionItem];
      expect(item.value).toBe(row.uptake);
      expect(item.denominator).toBe(row.eligible);
      expect(item.period).toBe(progress.asOf);
      expect(item.signals.some((s) => s.rule === 'behind-trajectory')).toBe(row.behindTrajectory === true && row.behindBy !== null);
      if (row.behindBy !== null && row.behindTrajectory) expect(item.summary).toContain(`${row.behindBy.toLocaleString('en-GB')} children behind`);
      expect(item.link).toBe('/campaigns/mmr-catch-up-2025?area=E09000012');
    }
    const { items } = await list('?limit=5000', headers.nel);
    expect(items.filter((i) => i.kind === 'campaign' && areaOf(i.areaCode).icbCode !== NEL)).toEqual([]);
    // Not vacuous: some borough is behind (the catch-up starts from children with no dose; the target is steep).
    const region = await list('?areaType=borough&domain=immunisation&limit=5000', headers.region);
    expect(region.items.filter((i) => i.kind === 'campaign' && i.signals.some((s) => s.rule === 'behind-trajectory')).length).toBeGreaterThan(0);
  });
});
