import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, isMergedForPublic, itsOverSeries, type ItsByArea, type Trend } from '@pathfinder/metrics';
import { openTestRelease } from '../support/test-release.ts';

// GET /indicators/{id}/its over the real app: each area's fit is the interrupted time series of the
// series its trend answers to the same caller (the statistics themselves are checked against
// statsmodels in metrics), the public's from the public table, and the areas follow the token.

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<Awaited<ReturnType<typeof openTestRelease>>['app']>;
beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
}, 120_000);
afterAll(() => release.dispose());

const INDICATOR = 'imm-dtap-ipv-hib3-12m';
const CAMPAIGN_QUARTER = '2022/23 Q2'; // holds 16 August 2022, when the polio IPV campaign started
const NEL = 'E54000029';
const CITY = 'E09000001';
const its = (query: string, headers: Record<string, string> = {}) => app.request(`/api/v1/indicators/${INDICATOR}/its?${query}`, { headers });

async function ok<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

async function expectFitsOfTrends(body: ItsByArea, headers: Record<string, string>, codes: readonly string[]) {
  for (const code of codes) {
    const trend = await ok<Trend>(await app.request(`/api/v1/indicators/${INDICATOR}/trend?area=${code}`, { headers }));
    const expected = itsOverSeries(trend.points.map((p) => ({ period: p.period, value: p.value })), CAMPAIGN_QUARTER);
    const got = body.areas.find((a) => a.area.code === code)!;
    if (!expected.fitted) throw new Error(`${code}: ${expected.reason}`);
    expect(got).toMatchObject({ fitted: true, n: expected.fit.n, before: expected.before, after: expected.after, maxlags: expected.fit.maxlags, dropped: expected.dropped, warnings: expected.warnings });
    for (const k of ['baseline', 'preSlope', 'levelChange', 'slopeChange'] as const) expect(got[k], `${code} ${k}`).toEqual(expected.fit[k]);
    expect(got.residualLag1).toBe(expected.fit.residualLag1);
  }
}

describe('GET /indicators/{id}/its', () => {
  it('gives the public every borough it may see, each fit the ITS of the trend the public gets', async () => {
    const body = await ok<ItsByArea>(await its(`areaType=borough&intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}`));
    expect(body.meta.disclosure).toBe('suppressed-and-rounded');
    expect(body.areas.map((a) => a.area.code).sort()).toEqual(BOROUGHS.filter((b) => !isMergedForPublic(b.code)).map((b) => b.code).sort());
    expect(body.areas.every((a) => a.fitted)).toBe(true);
    await expectFitsOfTrends(body, {}, ['E09000012', 'E09000007', 'E09000033']);
  });

  it('gives a region token the unrounded series (the City of London too), and an ICS token its own ICB’s boroughs unrounded', async () => {
    const region = await release.auth('region');
    const body = await ok<ItsByArea>(await its(`areaType=borough&intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}`, region));
    expect(body.meta.disclosure).toBe('none');
    expect(body.areas.map((a) => a.area.code)).toContain(CITY);
    await expectFitsOfTrends(body, region, ['E09000012', 'E09000007', CITY]);
    const pub = await ok<ItsByArea>(await its(`areaType=borough&intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}`));
    const differs = body.areas.filter((a) => a.levelChange?.estimate !== pub.areas.find((p) => p.area.code === a.area.code)?.levelChange?.estimate);
    expect(differs.length, 'rounded public counts give other estimates').toBeGreaterThan(0);

    const ics = await release.auth('ics', NEL);
    const nel = await ok<ItsByArea>(await its(`areaType=borough&parent=${NEL}&intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}`, ics));
    expect(nel.areas.map((a) => a.area.code).sort()).toEqual(BOROUGHS.filter((b) => b.parent === NEL).map((b) => b.code).sort());
    await expectFitsOfTrends(nel, ics, [CITY, 'E09000012']);
  });

  it('takes maxlags, and lists areas whose segments are too short with the reason', async () => {
    const body = await ok<ItsByArea>(await its(`areaType=icb&intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}&maxlags=0`));
    expect(body.areas.every((a) => a.maxlags === 0)).toBe(true);
    const periods = await ok<{ periods: { label: string }[] }>(await app.request(`/api/v1/periods?indicator=${INDICATOR}`));
    const second = periods.periods.at(-2)!.label; // latest first: one period before it
    const short = await ok<ItsByArea>(await its(`areaType=icb&intervention=${encodeURIComponent(second)}`));
    expect(short.areas.length).toBe(5);
    for (const a of short.areas) {
      expect(a).toMatchObject({ fitted: false, levelChange: null, slopeChange: null });
      expect(a.reason).toMatch(new RegExp(`^each side of the intervention needs at least 3 periods with a value \\(1 before ${second.replace('/', '\\/')}, \\d+ from it\\)$`));
    }
  });

  it.each([
    ['an unknown parameter', `intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}&comparatr=london`],
    ['no intervention', 'areaType=borough'],
    ['an intervention that is not a period', 'intervention=last-summer'],
    ['a period the indicator has no data for', `intervention=${encodeURIComponent('2031/32 Q1')}`],
    ['a negative maxlags', `intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}&maxlags=-1`],
  ])('refuses %s with 400', async (_, query) => {
    const res = await its(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses the public practice-level fits (401)', async () => {
    expect((await its(`areaType=practice&parent=${NEL}&intervention=${encodeURIComponent(CAMPAIGN_QUARTER)}`)).status).toBe(401);
  });
});
