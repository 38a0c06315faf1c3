import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRelease } from '@pathfinder/fixtures';
import type { Snapshot } from '@pathfinder/metrics';
import { USER_DATA_FILE, UserDataFile } from '@pathfinder/server';
import { openTestRelease } from '../support/test-release.ts';
import { csvText } from '../support/valid-import-files.ts';

// Snapshots (permanent links) over the real app and a real user-data file: only dashboard pages,
// with the release they showed pinned, for anyone; they outlive a release switch and a reopen.

let release: Awaited<ReturnType<typeof openTestRelease>>;
let userData: UserDataFile;
let app: ReturnType<typeof release.app>;

async function create(body: unknown, headers: Record<string, string> = {}) {
  return app.request('/api/v1/snapshots', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function created(view: string, releaseId = release.manifest.id): Promise<string> {
  const res = await create({ view, release: releaseId });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect(res.headers.get('location')).toBe(`/s/${id}`);
  return id;
}

async function read(id: string): Promise<Snapshot> {
  const res = await app.request(`/api/v1/snapshots/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Snapshot;
}

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  userData = await UserDataFile.open(path.join(release.dataDir, USER_DATA_FILE));
  app = release.app({ userData });
}, 180_000);
afterAll(async () => {
  userData.close();
  await release.dispose();
});

describe('making a snapshot', () => {
  it('stores a dashboard view under a 10-character id, with the release it showed pinned, for anyone', async () => {
    const id = await created('/indicators/imm-mmr1-24m?area=E09000012&period=2024%2F25%20Q4');
    expect(id).toMatch(/^[A-Za-z0-9]{10}$/);
    const snapshot = await read(id);
    expect(snapshot).toEqual({ id, view: `/indicators/imm-mmr1-24m?area=E09000012&period=2024%2F25%20Q4&release=${release.manifest.id}`, release: release.manifest.id, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // A token changes nothing: a snapshot holds no data.
    const withToken = await create({ view: '/', release: release.manifest.id }, await release.auth('ics', 'E54000029'));
    expect(withToken.status).toBe(201);
  });

  it('replaces a release= the view already had with the one the snapshot names', async () => {
    const id = await created(`/campaigns/polio-ipv-2022?release=someone-else&area=E09000012`);
    expect((await read(id)).view).toBe(`/campaigns/polio-ipv-2022?area=E09000012&release=${release.manifest.id}`);
  });

  it('takes every page of the dashboard', async () => {
    for (const view of ['/', '/?domain=asthma', '/indicators/imm-mmr1-24m', '/areas/E09000012', '/practices?icb=E54000029', '/inequalities', '/campaigns/polio-ipv-2022', '/explore']) {
      expect((await create({ view, release: release.manifest.id })).status, view).toBe(201);
    }
  });

  it('draws ids that differ', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(await created('/'));
    expect(ids.size).toBe(20);
  });

  it('refuses anything but a dashboard page, naming the field', async () => {
    const views = [
      'https://evil.example/indicators/imm-mmr1-24m',
      '//evil.example/indicators',
      '/\\evil.example/',
      'javascript:alert(1)',
      ' /indicators/imm-mmr1-24m',
      '/indicators/../admin',
      '/indicators/imm-mmr1-24m/values',
      '/api/v1/annotations',
      '/s/abcdefghij',
      '/nowhere',
      '/indicators/imm-mmr1-24m#x',
      '/indicators/imm-mmr1-24m?area=<script>alert(1)</script>',
      '/indicators/imm-mmr1-24m?area="onmouseover=x',
      '/indicators/imm-mmr1-24m?area=%E0%A4%A',
      '/indicators/imm\u0000',
      `/indicators/${'x'.repeat(1000)}`,
    ];
    for (const view of views) {
      const res = await create({ view, release: release.manifest.id });
      const problem = (await res.json()) as { code: string; detail: string };
      expect([res.status, problem.code], view.slice(0, 60)).toEqual([400, 'invalid_parameter']);
      expect(problem.detail).toMatch(/^invalid parameter view/);
    }
  });

  it('refuses an unknown release, a missing field and an unknown one', async () => {
    const cases: [unknown, RegExp][] = [
      [{ view: '/', release: 'no-such-release' }, /release: no release with id "no-such-release"/],
      [{ view: '/', release: '../etc' }, /release/],
      [{ view: '/' }, /release/],
      [{ release: release.manifest.id }, /view/],
      [{ view: '/', release: release.manifest.id, data: [1, 2, 3] }, /data/],
    ];
    for (const [body, message] of cases) {
      const res = await create(body);
      const problem = (await res.json()) as { detail: string };
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(problem.detail).toMatch(message);
    }
  });
});

describe('opening a snapshot', () => {
  it('answers 404 for an id never made, and 400 for one that cannot be an id', async () => {
    expect((await app.request('/api/v1/snapshots/AAAAAAAAAA')).status).toBe(404);
    expect((await app.request('/api/v1/snapshots/short')).status).toBe(400);
  });

  it('redirects /s/{id} to the view with its release', async () => {
    const id = await created('/areas/E09000007');
    const res = await app.request(`/s/${id}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/areas/E09000007?release=${release.manifest.id}`);
    expect((await app.request('/s/AAAAAAAAAA')).status).toBe(404);
    expect((await app.request('/s/not-an-id!')).status).toBe(404);
  });

  it('keeps every snapshot, and the release it names, across a release switch and a reopen of the file', async () => {
    const id = await created('/indicators/imm-mmr1-24m?area=E09000012');
    const file = path.join(release.dataDir, 'newer.csv');
    await writeFile(file, csvText({ header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'], rows: [['24m_MMR1', 'E09000012', '2023/24 Q4', '700', '900']] }));
    await importRelease(release.dataDir, [file], 'tidy', { releaseName: 'newer-release', activate: true });
    expect(await release.store.refresh()).toBe(true);
    userData.close();
    userData = await UserDataFile.open(path.join(release.dataDir, USER_DATA_FILE));
    app = release.app({ userData });
    expect(await read(id)).toMatchObject({ release: release.manifest.id, view: `/indicators/imm-mmr1-24m?area=E09000012&release=${release.manifest.id}` });
    // The release the snapshot shows still answers, though it is no longer current.
    const pinned = await app.request(`/api/v1/indicators/imm-mmr1-24m/trend?area=E09000012&release=${release.manifest.id}`);
    expect(pinned.status).toBe(200);
    expect(((await pinned.json()) as { meta: { releaseId: string } }).meta.releaseId).toBe(release.manifest.id);
    // And a snapshot of the new release pins it.
    expect((await read(await created('/', 'newer-release'))).view).toBe('/?release=newer-release');
  });
});
