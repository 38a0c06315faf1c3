import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, LONDON } from '@pathfinder/metrics';
import { openTestRelease } from '../support/test-release.ts';

// The profile's comparison of each row must be the values endpoint's for the same area, period and comparator.

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<Awaited<ReturnType<typeof openTestRelease>>['app']>;
beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
}, 120_000);
afterAll(() => release.dispose());

interface ProfileAnswer { comparator: { code: string }; rows: { indicatorId: string; period: string; comparison: string; comparatorValue: number | null; suppressed: boolean }[] }
interface ValuesAnswer { comparator: { value: number | null } | null; rows: { areaCode: string; comparison: string }[] }

const json = async <T>(path: string): Promise<T> => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

const NEWHAM = BOROUGHS.find((b) => b.name === 'Newham')!;
const NEL = NEWHAM.parent;

/** Each row of an area's profile against the values endpoint's comparison of that area, at the row's period. */
async function expectSameAsValues(code: string, areaType: 'borough' | 'icb', profileComparator: string, valuesComparator: string) {
  const profile = await json<ProfileAnswer>(`/api/v1/areas/${code}/profile?comparator=${profileComparator}`);
  expect(profile.rows.length).toBeGreaterThan(10);
  const compared = await Promise.all(profile.rows.map(async (row) => {
    const values = await json<ValuesAnswer>(`/api/v1/indicators/${row.indicatorId}/values?areaType=${areaType}&comparator=${valuesComparator}&period=${encodeURIComponent(row.period)}`);
    return { row, theirs: values.rows.find((r) => r.areaCode === code), fixed: values.comparator?.value ?? null };
  }));
  for (const { row, theirs, fixed } of compared) {
    expect(theirs, `${row.indicatorId} in values`).toBeDefined();
    expect(row.comparison, `${row.indicatorId} ${row.period} against ${profileComparator}`).toBe(theirs!.comparison);
    if (valuesComparator !== 'parent') expect(row.comparatorValue, row.indicatorId).toBe(fixed);
  }
  return profile;
}

describe('area profile comparator', () => {
  it('compares a borough with London, England or its ICB exactly as the values endpoint does, and the choice changes the answer', async () => {
    const london = await expectSameAsValues(NEWHAM.code, 'borough', 'london', 'london');
    const england = await expectSameAsValues(NEWHAM.code, 'borough', 'england', 'england');
    const icb = await expectSameAsValues(NEWHAM.code, 'borough', 'icb', 'parent');
    expect([london.comparator.code, england.comparator.code, icb.comparator.code]).toEqual([LONDON.code, 'E92000001', NEL]);
    expect(london.rows.map((r) => r.comparison)).not.toEqual(england.rows.map((r) => r.comparison));
    expect(icb.rows.some((r) => r.comparatorValue !== null)).toBe(true);
  }, 60_000);

  it('compares an ICB with London as the values endpoint does', async () => {
    await expectSameAsValues(NEL, 'icb', 'london', 'london');
  }, 60_000);

  it('keeps England as the default, so older links keep their meaning', async () => {
    const plain = await json<ProfileAnswer>(`/api/v1/areas/${NEWHAM.code}/profile`);
    const england = await json<ProfileAnswer>(`/api/v1/areas/${NEWHAM.code}/profile?comparator=england`);
    expect(plain).toEqual(england);
  });

  it('refuses an unknown comparator, and one that does not apply to the area, with a 400', async () => {
    for (const path of [`/api/v1/areas/${NEWHAM.code}/profile?comparator=scotland`, `/api/v1/areas/${NEWHAM.code}/profile?comparator=parent`, `/api/v1/areas/${LONDON.code}/profile?comparator=london`, `/api/v1/areas/${LONDON.code}/profile?comparator=icb`, `/api/v1/areas/${NEL}/profile?comparator=icb`]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { detail: string }).detail, path).toMatch(/comparator/);
    }
  });

  it('names the comparator in the CSV', async () => {
    const csv = await (await app.request(`/api/v1/areas/${NEWHAM.code}/profile?comparator=icb&format=csv`)).text();
    expect(csv.split('\n')[1]).toContain('North East London');
  });
});
