import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRelease } from '@pathfinder/fixtures';
import type { Annotation, AnnotationList } from '@pathfinder/metrics';
import { USER_DATA_FILE, UserDataFile, type AuditEntry } from '@pathfinder/server';
import { openTestRelease } from '../support/test-release.ts';
import { csvText } from '../support/valid-import-files.ts';

// Annotations over the real app and a real user-data file in the test release's data directory:
// who may write, read and delete which notes, what a refused body says, the audit log, and that
// notes belong to the data directory, not to a release (a release switch and a reopen keep them).

const NEL = 'E54000029';
const NCL = 'E54000028';
const HACKNEY = 'E09000012'; // NEL
const CAMDEN = 'E09000007'; // NCL
const CITY = 'E09000001'; // NEL, shown to the public merged into Hackney
const LONDON = 'E12000007';
const MMR = 'imm-mmr1-24m';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let userData: UserDataFile;
let app: ReturnType<typeof release.app>;
const audit: AuditEntry[] = [];
let nelPractice: string;
let nclPractice: string;

const headersOf = async (role: 'public' | 'ics' | 'region' | 'admin', icb?: string): Promise<Record<string, string>> => (role === 'public' ? {} : release.auth(role, icb));

async function post(body: unknown, role: 'public' | 'ics' | 'region' | 'admin', icb?: string) {
  return app.request('/api/v1/annotations', { method: 'POST', headers: { ...(await headersOf(role, icb)), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function written(body: Record<string, unknown>, role: 'ics' | 'region' | 'admin', icb?: string): Promise<Annotation> {
  const res = await post(body, role, icb);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Annotation;
}

async function list(query: string, role: 'public' | 'ics' | 'region' | 'admin', icb?: string): Promise<{ status: number; annotations: Annotation[]; res: Response }> {
  const res = await app.request(`/api/v1/annotations${query}`, { headers: await headersOf(role, icb) });
  const annotations = res.status === 200 ? ((await res.clone().json()) as AnnotationList).annotations : [];
  return { status: res.status, annotations, res };
}

const note = (areaCode: string, text: string, extra: Record<string, unknown> = {}) => ({ indicatorId: MMR, areaCode, date: '2024-03-01', text, ...extra });

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  userData = await UserDataFile.open(path.join(release.dataDir, USER_DATA_FILE));
  app = release.app({ userData, audit: (e) => audit.push(e) });
  nelPractice = release.store.current().areas.list('practice', NEL)[0]!.code;
  nclPractice = release.store.current().areas.list('practice', NCL)[0]!.code;
}, 180_000);
afterAll(async () => {
  userData.close();
  await release.dispose();
});

describe('writing annotations', () => {
  it('lets an ics token write on its own ICB, its boroughs and practices, and records each write in the audit log', async () => {
    audit.length = 0;
    const onIcb = await written(note(NEL, 'NEL-wide call and recall started'), 'ics', NEL);
    const onBorough = await written(note(HACKNEY, 'Outreach clinic opened', { date: '2024-02-15', public: true }), 'ics', NEL);
    const onPractice = await written(note(nelPractice, 'Practice nurse vacancy filled'), 'ics', NEL);
    expect(onBorough).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
      indicatorId: MMR,
      areaCode: HACKNEY,
      areaType: 'borough',
      date: '2024-02-15',
      text: 'Outreach clinic opened',
      public: true,
      author: { role: 'ics', icb: NEL },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(onIcb).toMatchObject({ areaType: 'icb', public: false });
    expect(onPractice).toMatchObject({ areaType: 'practice', public: false });
    expect(audit.map((e) => [e.action, e.id, e.area, e.role, e.icb, e.subject, e.method, e.status])).toEqual([
      ['annotation.create', onIcb.id, NEL, 'ics', NEL, 'local-ics', 'POST', 201],
      ['annotation.create', onBorough.id, HACKNEY, 'ics', NEL, 'local-ics', 'POST', 201],
      ['annotation.create', onPractice.id, nelPractice, 'ics', NEL, 'local-ics', 'POST', 201],
    ]);
  });

  it('refuses an ics token another ICB’s borough (403), its practices as unknown (404), and London (403); nothing is written', async () => {
    audit.length = 0;
    const camden = await post(note(CAMDEN, 'not ours'), 'ics', NEL);
    expect([camden.status, ((await camden.json()) as { code: string }).code]).toEqual([403, 'forbidden_area']);
    const practice = await post(note(nclPractice, 'not ours either'), 'ics', NEL);
    expect([practice.status, ((await practice.json()) as { code: string }).code]).toEqual([404, 'area_not_found']);
    expect((await post(note(LONDON, 'all of London'), 'ics', NEL)).status).toBe(403);
    expect(audit).toEqual([]);
    expect((await list(`?area=${CAMDEN}`, 'region')).annotations.filter((a) => a.text.startsWith('not ours'))).toEqual([]);
  });

  it('lets region and admin write anywhere, London included', async () => {
    expect(await written(note(CAMDEN, 'Camden school-based session', { date: '2024-01-10' }), 'region')).toMatchObject({ author: { role: 'region', icb: null }, areaType: 'borough' });
    expect(await written(note(LONDON, 'London-wide MMR campaign', { public: true }), 'admin')).toMatchObject({ author: { role: 'admin', icb: null }, areaType: 'region' });
    expect(await written(note(nclPractice, 'NCL practice merged'), 'region')).toMatchObject({ areaType: 'practice' });
  });

  it('refuses the public with 401, whatever the area, and writes nothing', async () => {
    for (const area of [HACKNEY, nelPractice]) {
      const res = await post(note(area, 'anonymous note', { public: true }), 'public');
      expect(res.status).toBe(401);
    }
    expect((await list('', 'region')).annotations.filter((a) => a.text === 'anonymous note')).toEqual([]);
  });

  it('takes a campaign id as the indicator, and refuses an id that is neither (404)', async () => {
    expect(await written({ indicatorId: 'polio-ipv-2022', areaCode: HACKNEY, date: '2022-08-10', text: 'IPV booster offered at pop-up clinics' }, 'ics', NEL)).toMatchObject({ indicatorId: 'polio-ipv-2022' });
    const res = await post({ ...note(HACKNEY, 'x'), indicatorId: 'no-such-indicator' }, 'ics', NEL);
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([404, 'indicator_not_found']);
  });

  it('refuses bad bodies with a 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ areaCode: HACKNEY, date: '2024-03-01', text: 'no indicator' }, /indicatorId/],
      [note(HACKNEY, ''), /text: .*empty/],
      [note(HACKNEY, '   '), /text: .*empty/],
      [note(HACKNEY, 'x'.repeat(501)), /text: at most 500/],
      [note(HACKNEY, 'bell\u0007'), /text: plain text/],
      [note(HACKNEY, 'right-to-left \u202e override'), /text: plain text/],
      [note(HACKNEY, 'bad day', { date: '2024-02-30' }), /date: a date that exists/],
      [note(HACKNEY, 'bad day', { date: '01/03/2024' }), /date: a date written YYYY-MM-DD/],
      [note(HACKNEY, 'not a boolean', { public: 'yes' }), /public/],
      [note(HACKNEY, 'extra', { author: 'someone else' }), /author/],
      [note('E09000012; DROP TABLE annotations', 'sql'), /areaCode/],
      [[note(HACKNEY, 'an array')], /invalid/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body, 'region');
      const problem = (await res.json()) as { code: string; detail: string };
      expect([res.status, problem.code], JSON.stringify(body).slice(0, 80)).toEqual([400, 'invalid_parameter']);
      expect(problem.detail).toMatch(message);
    }
    // Exactly 500 characters is a note.
    expect((await post(note(HACKNEY, 'y'.repeat(500)), 'region')).status).toBe(201);
    const notJson = await app.request('/api/v1/annotations', { method: 'POST', headers: { ...(await release.auth('region')), 'Content-Type': 'application/json' }, body: '{"indicatorId":' });
    expect(notJson.status).toBe(400);
    const tooLarge = await app.request('/api/v1/annotations', { method: 'POST', headers: { ...(await release.auth('region')), 'Content-Type': 'application/json' }, body: JSON.stringify(note(HACKNEY, 'z'.repeat(20_000))) });
    expect(tooLarge.status).toBe(413);
  });
});

describe('reading annotations', () => {
  it('gives each caller what it may read, oldest date first', async () => {
    const region = await list(`?indicator=${MMR}`, 'region');
    expect(region.status).toBe(200);
    const dates = region.annotations.map((a) => a.date);
    expect(dates).toEqual([...dates].sort());
    const texts = (r: { annotations: Annotation[] }) => r.annotations.map((a) => a.text).filter((t) => !t.startsWith('y'));
    expect(texts(region)).toEqual(['Camden school-based session', 'Outreach clinic opened', 'NEL-wide call and recall started', 'Practice nurse vacancy filled', 'London-wide MMR campaign', 'NCL practice merged']);
    // NEL: its own notes, and the public ones on areas it sees.
    expect(texts(await list(`?indicator=${MMR}`, 'ics', NEL))).toEqual(['Outreach clinic opened', 'NEL-wide call and recall started', 'Practice nurse vacancy filled', 'London-wide MMR campaign']);
    // NCL: its own areas' notes (written by region) and the public ones; none of NEL's private notes.
    expect(texts(await list(`?indicator=${MMR}`, 'ics', NCL))).toEqual(['Camden school-based session', 'Outreach clinic opened', 'London-wide MMR campaign', 'NCL practice merged']);
    // The public: the public notes only.
    expect(texts(await list(`?indicator=${MMR}`, 'public'))).toEqual(['Outreach clinic opened', 'London-wide MMR campaign']);
  });

  it('keeps a public note on a practice from the public and from other ICBs', async () => {
    const onPractice = await written(note(nelPractice, 'Saturday clinics at this practice', { public: true }), 'ics', NEL);
    const ids = async (role: 'public' | 'ics', icb?: string) => (await list('', role, icb)).annotations.map((a) => a.id);
    expect(await ids('public')).not.toContain(onPractice.id);
    expect(await ids('ics', NCL)).not.toContain(onPractice.id);
    expect(await ids('ics', NEL)).toContain(onPractice.id);
    // Asking for the practice itself: the public is told a token is needed, another ICB that there is no such area.
    expect((await list(`?area=${nelPractice}`, 'public')).status).toBe(401);
    expect((await list(`?area=${nelPractice}`, 'ics', NCL)).status).toBe(404);
    expect((await list(`?area=${nelPractice}`, 'ics', NEL)).annotations.map((a) => a.text)).toEqual(['Practice nurse vacancy filled', 'Saturday clinics at this practice']);
  });

  it('keeps the City of London’s notes from those who may not see it unmerged', async () => {
    const onCity = await written(note(CITY, 'City pop-up', { public: true }), 'ics', NEL);
    expect((await list('', 'public')).annotations.map((a) => a.id)).not.toContain(onCity.id);
    expect((await list('', 'ics', NEL)).annotations.map((a) => a.id)).toContain(onCity.id);
  });

  it('filters by area and indicator, refuses unknown ones, and takes no other parameter', async () => {
    const hackney = await list(`?indicator=${MMR}&area=${HACKNEY}`, 'ics', NEL);
    expect(hackney.annotations.every((a) => a.areaCode === HACKNEY && a.indicatorId === MMR)).toBe(true);
    expect(hackney.annotations.length).toBeGreaterThan(0);
    expect((await list('?area=E09999999', 'region')).status).toBe(404);
    expect((await list('?indicator=nope', 'region')).status).toBe(404);
    expect((await list('?junk=1', 'region')).status).toBe(400);
  });

  it('shows a write on the next read, and is never kept by a cache', async () => {
    const before = await list(`?area=${CAMDEN}`, 'public');
    expect(before.res.headers.get('cache-control')).toBe('no-store');
    expect(before.res.headers.get('vary')).toMatch(/Authorization/);
    const added = await written(note(CAMDEN, 'Camden drop-in now weekly', { public: true }), 'region');
    const after = await list(`?area=${CAMDEN}`, 'public');
    expect(after.res.headers.get('x-cache')).toBeNull();
    expect(after.annotations.map((a) => a.id)).toEqual([...before.annotations.map((a) => a.id), added.id]);
  });
});

describe('deleting annotations', () => {
  it('lets the author’s ICB or region delete, refuses others, and audits the delete', async () => {
    const target = await written(note(HACKNEY, 'to be deleted', { public: true }), 'ics', NEL);
    const del = async (id: string, role: 'public' | 'ics' | 'region' | 'admin', icb?: string) => app.request(`/api/v1/annotations/${id}`, { method: 'DELETE', headers: await headersOf(role, icb) });
    expect((await del(target.id, 'public')).status).toBe(401);
    // NCL can read the public note but may not delete it.
    expect((await del(target.id, 'ics', NCL)).status).toBe(403);
    const privateNote = await written(note(HACKNEY, 'private, to stay'), 'ics', NEL);
    // NCL cannot read NEL's private note: as if there were none.
    expect((await del(privateNote.id, 'ics', NCL)).status).toBe(404);
    expect((await del('AAAAAAAAAAAA', 'region')).status).toBe(404);
    expect((await del('short', 'region')).status).toBe(400);
    audit.length = 0;
    expect((await del(target.id, 'ics', NEL)).status).toBe(204);
    expect(audit).toEqual([expect.objectContaining({ action: 'annotation.delete', id: target.id, area: HACKNEY, role: 'ics', icb: NEL, subject: 'local-ics', method: 'DELETE', status: 204 })]);
    expect((await list('', 'region')).annotations.map((a) => a.id)).not.toContain(target.id);
    expect((await del(target.id, 'ics', NEL)).status).toBe(404);
    expect((await del(privateNote.id, 'region')).status).toBe(204);
  });
});

describe('annotations live in the data directory, not in a release', () => {
  it('are all there after a release switch, and after the file is closed and opened again', async () => {
    const before = (await list('', 'region')).annotations;
    expect(before.length).toBeGreaterThan(5);
    // Another release in the data directory (a hand-made import), made current; the store follows the pointer.
    const file = path.join(release.dataDir, 'other.csv');
    await writeFile(file, csvText({ header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'], rows: [['24m_MMR1', HACKNEY, '2023/24 Q4', '700', '900']] }));
    await importRelease(release.dataDir, [file], 'tidy', { releaseName: 'other-release', activate: true });
    expect(await release.store.refresh()).toBe(true);
    expect(release.store.current().manifest.id).toBe('other-release');
    expect((await list('', 'region')).annotations).toEqual(before);
    // A note written on the new release is one more note, on the same list.
    const added = await written(note(HACKNEY, 'written under the other release'), 'region');
    userData.close();
    userData = await UserDataFile.open(path.join(release.dataDir, USER_DATA_FILE));
    app = release.app({ userData });
    expect((await list('', 'region')).annotations).toEqual([...before, added].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)));
  });

  it('answer 503 on a server without the user-data file', async () => {
    const without = release.app({ userData: null });
    expect((await without.request('/api/v1/annotations')).status).toBe(503);
    const res = await without.request('/api/v1/annotations', { method: 'POST', headers: { ...(await release.auth('region')), 'Content-Type': 'application/json' }, body: JSON.stringify(note(HACKNEY, 'x')) });
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([503, 'user_data_unavailable']);
  });
});
