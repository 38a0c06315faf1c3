import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, ICBS, INDICATORS, LONDON, type Indicator } from '@pathfinder/metrics';
import { disclosureViolations, isPublishableCount, recoverableByDifference } from '../support/disclosure-check.ts';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;

interface ValueRow {
  areaCode: string;
  areaType: string;
  parentCode: string | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}
interface ValuesAnswer {
  meta: { disclosure: string };
  rows: ValueRow[];
}

/** Public answers to /values, by indicator, period, breakdown and area type: walked for counts, then differenced. */
const answers = new Map<string, ValuesAnswer>();
const key = (id: string, period: string, breakdown: string, areaType: string) => `${id}|${period}|${breakdown}|${areaType}`;
const sampled: { indicator: Indicator; period: string; breakdown: string }[] = [];

const getJson = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return res.json() as Promise<unknown>;
};

/** One breakdown per indicator besides the total, rotating through the dimensions the indicator has. */
const BREAKDOWN_VALUES: Record<string, string> = { deprivation: 'deprivation:1', sex: 'sex:F', ethnicity: 'ethnicity:White' };

beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
  for (const [i, indicator] of INDICATORS.entries()) {
    const periods = ((await getJson(`/api/v1/periods?indicator=${indicator.id}`)) as { periods: { label: string }[] }).periods.map((p) => p.label);
    const dimensions = indicator.breakdowns.filter((d) => BREAKDOWN_VALUES[d]);
    const dimension = dimensions[i % Math.max(1, dimensions.length)];
    const breakdowns = ['total', ...(dimension ? [BREAKDOWN_VALUES[dimension]!] : [])];
    for (const period of [...new Set([periods[0]!, periods[Math.floor(periods.length / 2)]!])]) {
      for (const breakdown of breakdowns) {
        sampled.push({ indicator, period, breakdown });
        await Promise.all(['region', 'icb', 'borough'].map(async (areaType) => {
          const res = await app.request(`/api/v1/indicators/${indicator.id}/values?areaType=${areaType}&period=${encodeURIComponent(period)}&breakdown=${breakdown}`);
          // A breakdown value the synthetic data lacks is a 404, not a disclosure question.
          if (res.status === 404) return;
          expect(res.status, `${indicator.id} ${areaType} ${period} ${breakdown}`).toBe(200);
          answers.set(key(indicator.id, period, breakdown, areaType), (await res.json()) as ValuesAnswer);
        }));
      }
    }
  }
}, 300_000);
afterAll(() => release.dispose());

describe('disclosure control for the public over the whole synthetic release', () => {
  it('walks values for every indicator × region, ICB and borough × two periods × total and a breakdown', () => {
    expect(sampled.length).toBeGreaterThanOrEqual(INDICATORS.length * 2);
    expect(answers.size).toBeGreaterThan(INDICATORS.length * 3 * 3);
    const violations = [...answers].flatMap(([k, body]) => disclosureViolations(body).map((v) => `${k} ${v}`));
    expect(violations).toEqual([]);
    // Not vacuous: the small areas of the synthetic release do produce hidden and rounded counts.
    const rows = [...answers.values()].flatMap((a) => a.rows);
    expect(rows.filter((r) => r.suppressed).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.numerator !== null && r.numerator > 0).every((r) => isPublishableCount(r.numerator!))).toBe(true);
  });

  it('refuses practice and PCN values to the public for every indicator that has them', async () => {
    for (const indicator of INDICATORS.filter((i) => i.areaTypes.includes('practice'))) {
      for (const areaType of ['practice', 'pcn']) expect((await app.request(`/api/v1/indicators/${indicator.id}/values?areaType=${areaType}`)).status).toBe(401);
    }
  });

  it('shows no count in 1–7 or unrounded in any trend, inequality, funnel, profile or overview', async () => {
    const areas = [BOROUGHS[0]!.code, BOROUGHS[12]!.code, ICBS[2]!.code, LONDON.code];
    const paths: string[] = [];
    for (const indicator of INDICATORS) {
      for (const area of areas) paths.push(`/api/v1/indicators/${indicator.id}/trend?area=${area}`);
      for (const by of (['deprivation', 'ethnicity', 'sex'] as const).filter((b) => indicator.breakdowns.includes(b))) paths.push(`/api/v1/indicators/${indicator.id}/inequality?area=${BOROUGHS[0]!.code}&by=${by}`);
      if (indicator.method === 'wilson-proportion') paths.push(`/api/v1/indicators/${indicator.id}/funnel?areaType=borough`);
    }
    for (const area of [...ICBS.map((i) => i.code), LONDON.code, BOROUGHS[0]!.code, BOROUGHS[20]!.code]) paths.push(`/api/v1/areas/${area}/profile`);
    for (const area of [BOROUGHS[0]!.code, BOROUGHS[20]!.code]) paths.push(`/api/v1/areas/${area}/profile?comparator=icb`, `/api/v1/areas/${area}/profile?comparator=london`);
    for (const areaType of ['borough', 'icb']) for (const comparator of ['london', 'england']) paths.push(`/api/v1/overview?areaType=${areaType}&comparator=${comparator}`);
    const violations: string[] = [];
    for (let i = 0; i < paths.length; i += 6) {
      await Promise.all(paths.slice(i, i + 6).map(async (path) => {
        const res = await app.request(path);
        expect(res.status, path).toBeLessThan(500);
        if (res.status === 200) violations.push(...disclosureViolations(await res.json()).map((v) => `${path} ${v}`));
      }));
    }
    expect(violations).toEqual([]);
  });

  it('rounds the Count and Denominator columns of public CSV downloads', async () => {
    for (const indicator of INDICATORS.slice(0, 8)) {
      const [header, ...lines] = (await (await app.request(`/api/v1/indicators/${indicator.id}/values?areaType=borough&format=csv`)).text()).trim().split('\n');
      const columns = header!.split(',');
      for (const name of ['Count', 'Denominator']) {
        const at = columns.indexOf(name);
        expect(at, name).toBeGreaterThan(-1);
        for (const line of lines) {
          const cell = line.split(',')[at]!;
          if (cell !== '') expect(isPublishableCount(Number(cell)), `${indicator.id} ${name} ${cell}`).toBe(true);
        }
      }
    }
  });
});

describe('differencing over every parent recovers no hidden count', () => {
  const check = (parentType: string, childType: string) => {
    const found: string[] = [];
    let parentsChecked = 0;
    for (const { indicator, period, breakdown } of sampled) {
      const parents = answers.get(key(indicator.id, period, breakdown, parentType));
      const children = answers.get(key(indicator.id, period, breakdown, childType));
      if (!parents || !children) continue;
      for (const field of ['numerator', 'denominator'] as const) {
        const totals = new Map(parents.rows.map((r) => [r.areaCode, r[field]]));
        parentsChecked += totals.size;
        const rows = children.rows.map((r) => ({ parent: r.parentCode, hidden: r.suppressed && r[field] === null }));
        found.push(...recoverableByDifference(totals, rows).map((f) => `${indicator.id} ${period} ${breakdown} ${field} ${f}`));
      }
    }
    return { found, parentsChecked };
  };

  it('no ICB total minus its published boroughs gives away one hidden borough', () => {
    const { found, parentsChecked } = check('icb', 'borough');
    expect(parentsChecked).toBeGreaterThan(INDICATORS.length * 5);
    expect(found).toEqual([]);
  });

  it('no London total minus its published ICBs gives away one hidden ICB', () => {
    const { found, parentsChecked } = check('region', 'icb');
    expect(parentsChecked).toBeGreaterThan(INDICATORS.length);
    expect(found).toEqual([]);
  });

  it('no area total minus its published breakdown groups gives away one hidden group', async () => {
    const found: string[] = [];
    for (const indicator of INDICATORS.filter((i) => i.breakdowns.includes('deprivation')).slice(0, 12)) {
      for (const area of BOROUGHS.slice(0, 6)) {
        const res = await app.request(`/api/v1/indicators/${indicator.id}/inequality?area=${area.code}&by=deprivation`);
        if (res.status !== 200) continue;
        const body = (await res.json()) as { groups: { numerator: number | null; denominator: number | null; suppressed: boolean }[] };
        for (const field of ['numerator', 'denominator'] as const) {
          const rows = body.groups.map((g) => ({ parent: area.code, hidden: g.suppressed && g[field] === null }));
          found.push(...recoverableByDifference(new Map([[area.code, 1]]), rows).map((f) => `${indicator.id} ${field} ${f}`));
        }
      }
    }
    expect(found).toEqual([]);
  });
});
