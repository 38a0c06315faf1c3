import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, type ReleaseManifest } from '@pathfinder/metrics';
import { buildPublishedRelease } from '@pathfinder/fixtures';
import { DuckDbStore, createApp } from '@pathfinder/server';
import { num, readReferenceCsv } from '../../metrics/test/reference.ts';
import { COVER_TOTALS_CSV, COVER_UTLA_CSV, byIndicatorPeriod, readBundledCover, type CoverFileRow } from '../support/bundled-cover-rows.ts';
import { pheProportion } from '../support/wilson-reference.ts';

// The published release built from the bundled open data, asked as the public; every expectation comes from the files themselves.
const FIELDS = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;

type Fields = Record<(typeof FIELDS)[number], number | null>;
interface ValueRow extends Fields {
  areaCode: string;
  numerator: number | null;
  denominator: number | null;
  valueNote: string | null;
  suppressed: boolean;
}
interface ValuesBody {
  meta: { releaseId: string; kind: string; synthetic: boolean; disclosure: string; sources: { name: string; publisher: string; licence: string; attribution: string }[] };
  period: string;
  comparator: { code: string; value: number | null; lower95: number | null; upper95: number | null } | null;
  rows: ValueRow[];
}
let dataDir: string;
let store: DuckDbStore;
let manifest: ReleaseManifest;
let boroughRows: CoverFileRow[];
let totalRows: CoverFileRow[];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-published-'));
  manifest = (await buildPublishedRelease(dataDir)).manifest;
  store = await DuckDbStore.open(dataDir);
  boroughRows = await readBundledCover(COVER_UTLA_CSV);
  totalRows = await readBundledCover(COVER_TOTALS_CSV);
}, 120_000);
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function values(indicatorId: string, period: string, comparator: 'london' | 'england'): Promise<ValuesBody> {
  const res = await createApp({ store }).request(`/api/v1/indicators/${indicatorId}/values?areaType=borough&period=${encodeURIComponent(period)}&comparator=${comparator}`);
  expect(res.status, `${indicatorId} ${period}`).toBe(200);
  return (await res.json()) as ValuesBody;
}

const LONDON = 'E12000007';
const ENGLAND = 'E92000001';

/** The totals file's row of an area in a quarter. */
function totalsOf(indicatorId: string, period: string, areaCode: string): CoverFileRow {
  const row = totalRows.find((t) => t.indicatorId === indicatorId && t.period === period && t.areaCode === areaCode);
  if (!row) throw new Error(`no totals row for ${indicatorId} ${period} ${areaCode}`);
  return row;
}

/** How far each statistic of an answer is from phe_proportion of the file's counts (multiplier 100), where it is further than 1e-6. */
function statisticMisses(where: string, answer: Partial<Fields>, x: number, n: number): string[] {
  const expected = pheProportion(x, n, 100);
  return FIELDS.filter((f) => f in answer).flatMap((f) => {
    const got = answer[f];
    const want = expected[f]!;
    return got === null || got === undefined || Math.abs(got - want) > 1e-6 ? [`${where} ${f}: ${got} ≠ ${want}`] : [];
  });
}

describe('the independent phe_proportion of these tests', () => {
  it.each(readReferenceCsv('reference/phe_excel_fixtures/proportion_wilson.csv'))('matches PHEindicatormethods for $area ($numerator of $denominator, multiplier $multiplier)', (row) => {
    const got = pheProportion(num(row.numerator), num(row.denominator), Number(row.multiplier));
    for (const f of FIELDS) {
      const expected = num(row[f]);
      if (expected === null) expect(got[f], f).toBeNull();
      else expect(got[f], f).toBeCloseTo(expected, 9);
    }
  });
});

describe('the published release, served to the public', () => {
  it('is published open data from UKHSA COVER under OGL v3, its counts served as published', async () => {
    expect(manifest).toMatchObject({ kind: 'published', synthetic: false, disclosure: { policy: 'published-open-data', hiddenPrimary: 0, hiddenComplementary: 0 } });
    const body = await values('imm-mmr1-24m', '2024/25 Q4', 'london');
    expect(body.meta).toMatchObject({ releaseId: manifest.id, kind: 'published', synthetic: false, disclosure: 'as-published' });
    expect(body.meta.sources).toContainEqual(expect.objectContaining({ publisher: 'UK Health Security Agency', licence: 'Open Government Licence v3.0', attribution: expect.stringContaining('COVER') }));
  });

  it('carries, for every borough × quarter × measure of the COVER file, its counts and phe_proportion’s value and 95% and 99.8% limits; an excluded or blank row is a note, never a number', async () => {
    expect(boroughRows).toHaveLength(12_544);
    const misses: string[] = [];
    let checked = 0;
    for (const [key, fileRows] of byIndicatorPeriod(boroughRows)) {
      const [indicatorId, period] = key.split('|') as [string, string];
      const body = await values(indicatorId, period, 'london');
      expect(body.period).toBe(period);
      const answer = new Map(body.rows.map((r) => [r.areaCode, r]));
      const london = totalsOf(indicatorId, period, LONDON);
      if (body.comparator?.code !== LONDON) misses.push(`${key}: comparator ${body.comparator?.code}`);
      else misses.push(...statisticMisses(`${key} London comparator`, body.comparator, london.numerator!, london.denominator!));
      for (const f of fileRows) {
        const where = `${indicatorId} ${period} ${f.areaCode}`;
        const row = answer.get(f.areaCode);
        checked++;
        if (!row) {
          misses.push(`${where}: no row`);
          continue;
        }
        if (row.suppressed) misses.push(`${where}: suppressed`);
        if (f.numerator !== null && f.denominator !== null) {
          if (row.numerator !== f.numerator || row.denominator !== f.denominator) misses.push(`${where}: counts ${row.numerator}/${row.denominator} ≠ ${f.numerator}/${f.denominator}`);
          misses.push(...statisticMisses(where, row, f.numerator, f.denominator));
        } else {
          // A blank row of the file has a numerator of 0 over no denominator: no count, not a zero.
          if (row.numerator !== null || row.denominator !== null) misses.push(`${where}: counts ${row.numerator}/${row.denominator} where the file has ${f.numerator}/${f.denominator}`);
          if (FIELDS.some((s) => row[s] !== null)) misses.push(`${where}: a value without counts`);
          const note = f.note === 'blank' ? 'blank in the COVER workbook' : f.note;
          if (!f.note || !row.valueNote?.includes(note)) misses.push(`${where}: note ${JSON.stringify(row.valueNote)} does not carry ${JSON.stringify(f.note)}`);
        }
      }
    }
    expect(misses.slice(0, 20)).toEqual([]);
    expect(checked).toBe(12_544);
  }, 300_000);

  it('compares with England as published in the totals file', async () => {
    const misses: string[] = [];
    for (const key of byIndicatorPeriod(totalRows).keys()) {
      const [indicatorId, period] = key.split('|') as [string, string];
      const england = totalsOf(indicatorId, period, ENGLAND);
      const body = await values(indicatorId, period, 'england');
      if (body.comparator?.code !== ENGLAND) misses.push(`${key}: comparator ${body.comparator?.code}`);
      else misses.push(...statisticMisses(`${key} England comparator`, body.comparator, england.numerator!, england.denominator!));
    }
    expect(misses.slice(0, 20)).toEqual([]);
  }, 300_000);

  it('gives London and England the totals file’s counts in every quarter, not sums of its own', async () => {
    expect(totalRows).toHaveLength(784);
    const misses: string[] = [];
    for (const indicatorId of new Set(totalRows.map((t) => t.indicatorId))) {
      for (const code of [LONDON, ENGLAND]) {
        const res = await createApp({ store }).request(`/api/v1/indicators/${indicatorId}/trend?area=${code}`);
        expect(res.status).toBe(200);
        const points = new Map(((await res.json()) as { points: (ValueRow & { period: string })[] }).points.map((p) => [p.period, p]));
        for (const total of totalRows.filter((t) => t.indicatorId === indicatorId && t.areaCode === code)) {
          const point = points.get(total.period);
          if (point?.numerator !== total.numerator || point?.denominator !== total.denominator) misses.push(`${indicatorId} ${total.period} ${code}: counts ${point?.numerator}/${point?.denominator} ≠ ${total.numerator}/${total.denominator}`);
        }
      }
    }
    expect(misses.slice(0, 20)).toEqual([]);
  });

  it('gives each ICB the sum of its boroughs’ published counts, and where boroughs have none, the others’ sum with a note saying so', async () => {
    const misses: string[] = [];
    for (const indicatorId of new Set(boroughRows.map((r) => r.indicatorId))) {
      for (const icb of new Set(BOROUGHS.map((b) => b.parent))) {
        const res = await createApp({ store }).request(`/api/v1/indicators/${indicatorId}/trend?area=${icb}`);
        const points = new Map(((await res.json()) as { points: (ValueRow & { period: string })[] }).points.map((p) => [p.period, p]));
        const members = new Set(BOROUGHS.filter((b) => b.parent === icb).map((b) => b.code));
        for (const [key, rows] of byIndicatorPeriod(boroughRows.filter((r) => r.indicatorId === indicatorId && members.has(r.areaCode)))) {
          const period = key.split('|')[1]!;
          const counted = rows.filter((r) => r.numerator !== null && r.denominator !== null);
          const expected = counted.length === 0 ? [null, null] : [counted.reduce((t, r) => t + r.numerator!, 0), counted.reduce((t, r) => t + r.denominator!, 0)];
          const point = points.get(period);
          if (point?.numerator !== expected[0] || point?.denominator !== expected[1]) misses.push(`${indicatorId} ${period} ${icb}: ${point?.numerator}/${point?.denominator} ≠ ${expected.join('/')}`);
          const noted = counted.length < rows.length;
          if (noted !== Boolean(point?.valueNote?.startsWith(`sum of ${counted.length} of ${rows.length} boroughs`))) misses.push(`${indicatorId} ${period} ${icb}: note ${JSON.stringify(point?.valueNote)}`);
        }
      }
    }
    expect(misses.slice(0, 20)).toEqual([]);
  });

  it('serves QOF prevalence and cervical screening coverage with the note that says what each figure is', async () => {
    const htn = (await (await createApp({ store }).request('/api/v1/indicators/htn-prevalence/values?areaType=borough&period=2019/20')).json()) as ValuesBody;
    expect(htn.rows).toHaveLength(32);
    // House of Commons Library, London HYP 2019/20: 1119486.71 of 10249815.79, rounded
    expect(htn.comparator).toMatchObject({ code: LONDON, value: expect.closeTo((1119487 / 10249816) * 100, 9) });
    for (const row of htn.rows) expect(row.valueNote, row.areaCode).toMatch(/^modelled by where patients live/);
    const cervical = (await (await createApp({ store }).request(`/api/v1/indicators/can-screen-cervical-25-49/values?areaType=borough&period=${encodeURIComponent('2017/18 Q3')}`)).json()) as ValuesBody;
    const byArea = new Map(cervical.rows.map((r) => [r.areaCode, r]));
    for (const code of ['E09000020', 'E09000033']) expect(byArea.get(code), code).toMatchObject({ numerator: null, denominator: null, value: null, valueNote: expect.stringContaining('no borough figure') });
    expect(byArea.get('E09000012')).toMatchObject({ valueNote: expect.stringContaining('includes City of London') });
    expect(cervical.rows.filter((r) => r.value !== null)).toHaveLength(30);
  });
});
