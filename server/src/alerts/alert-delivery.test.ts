import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AlertItem, ReleaseManifest, Subscription } from '@pathfinder/metrics';
import { afterAll, describe, expect, it } from 'vitest';
import { statusScopeKey, type StatusScope, type StatusTable } from '../services/attention/status-scope.ts';
import { makeStatusRow, makeStatusTable, signal } from '../services/attention/status-table.test-helper.ts';
import { AreaDirectory } from '../store/area-directory.ts';
import { ReleaseNotFoundError, type DataStore, type OpenRelease } from '../store/data-store.ts';
import { AlertDelivery } from './alert-delivery.ts';
import { DeliveryState } from './delivery-state.ts';
import { DeliveryFailure } from './webhook-sender.ts';

const WORSE = signal('worse-998', 'act');
const TREND = signal('trend-worsening', 'watch');
const IMPROVING = signal('spc-improvement', 'improving');

const release = (id: string, dataAsAt: string): OpenRelease =>
  ({ manifest: { id, kind: 'synthetic', dataAsAt, createdAt: `${dataAsAt}T00:00:00.000Z` } as ReleaseManifest, areas: new AreaDirectory([]), dir: '', hasEvents: false }) as unknown as OpenRelease;

const R1 = release('r1', '2024-12-31');
const R2 = release('r2', '2025-03-31');

function storeOf(current: OpenRelease, releases: OpenRelease[]): DataStore {
  return {
    current: () => current,
    release: async (id) => releases.find((r) => r.manifest.id === id) ?? Promise.reject(new ReleaseNotFoundError(id)),
    releases: async () => releases.map((r) => r.manifest),
    refresh: async () => false,
    close: async () => undefined,
  };
}

/** Region sees Hackney (NEL), Barnet (NCL) and a NEL practice; NEL's table has its own areas only; the public the two boroughs. */
const TABLES: Record<string, Record<string, StatusTable>> = {
  r1: {
    region: makeStatusTable('r1', [makeStatusRow({ areaCode: 'E09000012' }), makeStatusRow({ areaCode: 'E09000003', signals: [TREND] })]),
    'ics:E54000029': makeStatusTable('r1', [makeStatusRow({ areaCode: 'E09000012' }), makeStatusRow({ areaCode: 'F84001' })], { kind: 'ics', icb: 'E54000029' }),
  },
  r2: {
    region: makeStatusTable('r2', [makeStatusRow({ areaCode: 'E09000012', signals: [WORSE] }), makeStatusRow({ areaCode: 'E09000003' })]),
    'ics:E54000029': makeStatusTable('r2', [makeStatusRow({ areaCode: 'E09000012', signals: [WORSE] }), makeStatusRow({ areaCode: 'F84001', signals: [IMPROVING] }), makeStatusRow({ areaCode: 'E09000012', indicatorId: 'htn-ttt-all', signals: [TREND] })], { kind: 'ics', icb: 'E54000029' }),
  },
};
const statusTables = async (r: OpenRelease, scope: StatusScope) => {
  const table = TABLES[r.manifest.id]?.[statusScopeKey(scope)];
  if (!table) throw new Error(`no table for ${r.manifest.id} ${statusScopeKey(scope)}`);
  return table;
};

const NEL: Subscription = { id: 'nel', role: 'ics', icb: 'E54000029', minSeverity: 'improving', webhook: { url: 'https://hooks.example.org/nel', secret: 'a-secret-of-16-chars' } };
const REGION: Subscription = { id: 'region', role: 'region', minSeverity: 'watch', domains: ['immunisation'], webhook: { url: 'https://hooks.example.org/region', secret: 'another-secret-16ch' }, email: { to: ['lead@example.org'] } };

interface Sent {
  readonly url: string;
  readonly body: string;
  readonly key: string;
}

describe('AlertDelivery', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const stateFile = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pf-alert-delivery-'));
    dirs.push(dir);
    return path.join(dir, 'state.duckdb');
  };
  const make = (state: DeliveryState, webhook: (w: { url: string }, body: string, key: string) => Promise<void>, extra: Partial<ConstructorParameters<typeof AlertDelivery>[0]> = {}) => {
    const lines: Record<string, unknown>[] = [];
    const delivery = new AlertDelivery({ store: storeOf(R2, [R2, R1]), statusTables, subscriptions: [NEL, REGION], state, origin: 'https://dash.example.org', email: null, webhook, schedule: { firstMs: 1, maxMs: 4, maxAttempts: 3 }, log: (l) => lines.push(l), now: () => new Date('2025-04-01T09:00:00Z'), ...extra });
    return { delivery, lines };
  };

  it('sends each subscription its scope’s alerts since the previous release, filtered, with absolute pinned links, once', async () => {
    const file = await stateFile();
    const state = await DeliveryState.open(file);
    const sent: Sent[] = [];
    const { delivery, lines } = make(state, async (w, body, key) => void sent.push({ url: w.url, body, key }));
    await delivery.resume(R2);
    const byUrl = Object.fromEntries(sent.map((s) => [s.url, { key: s.key, ...(JSON.parse(s.body) as { subscription: string; release: string; previousRelease: string; alerts: AlertItem[] }) }]));
    expect(byUrl['https://hooks.example.org/nel']).toMatchObject({ key: 'nel:r2', subscription: 'nel', release: 'r2', previousRelease: 'r1' });
    expect(byUrl['https://hooks.example.org/nel']?.alerts.map((a) => [a.areaCode, a.indicatorId, a.change, a.severity])).toEqual([
      ['E09000012', 'imm-mmr1-24m', 'new', 'act'],
      ['E09000012', 'htn-ttt-all', 'new', 'watch'],
      ['F84001', 'imm-mmr1-24m', 'new', 'improving'],
    ]);
    expect(byUrl['https://hooks.example.org/nel']?.alerts[0]?.link).toBe('https://dash.example.org/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&areaType=borough&area=E09000012&signal=worse-998&release=r2');
    // Region: immunisation only, watch or worse: Hackney's new signal and Barnet's resolved one.
    expect(byUrl['https://hooks.example.org/region']?.alerts.map((a) => [a.areaCode, a.change])).toEqual([['E09000012', 'new'], ['E09000003', 'resolved']]);
    expect(lines.filter((l) => l.msg === 'alert delivery attempt').map((l) => [l.subscription, l.channel, l.attempt, l.outcome])).toEqual(expect.arrayContaining([['nel', 'webhook', 1, 'delivered'], ['region', 'webhook', 1, 'delivered']]));

    // Again in this process, and after a restart: nothing is sent twice.
    await delivery.deliverRelease(R2);
    state.close();
    const reopened = await DeliveryState.open(file);
    await make(reopened, async (w, body, key) => void sent.push({ url: w.url, body, key })).delivery.resume(R2);
    reopened.close();
    expect(sent).toHaveLength(2);
  });

  it('retries with backoff until the receiver accepts, then records the delivery', async () => {
    const file = await stateFile();
    const state = await DeliveryState.open(file);
    let calls = 0;
    const { delivery, lines } = make(state, async () => {
      calls += 1;
      if (calls < 3) throw new DeliveryFailure(`answered ${calls === 1 ? 503 : 500}`);
    }, { subscriptions: [NEL] });
    await delivery.deliverRelease(R2);
    expect(await state.get({ subscription: 'nel', release: 'r2', channel: 'webhook' })).toMatchObject({ status: 'delivered', attempts: 3, last_error: null, delivered_at: '2025-04-01T09:00:00.000Z' });
    expect(lines.filter((l) => l.msg === 'alert delivery attempt').map((l) => [l.attempt, l.outcome, l.retryInMs ?? null, l.error ?? null])).toEqual([
      [1, 'will retry', 1, 'answered 503'],
      [2, 'will retry', 2, 'answered 500'],
      [3, 'delivered', null, null],
    ]);
    state.close();
  });

  it('gives up after the last attempt, and a restart neither repeats a delivered one nor retries a given-up one', async () => {
    const file = await stateFile();
    const state = await DeliveryState.open(file);
    const failing = make(state, async (w) => {
      if (w.url.endsWith('/nel')) throw new DeliveryFailure('connection refused');
    });
    await failing.delivery.resume(R2);
    expect(await state.get({ subscription: 'nel', release: 'r2', channel: 'webhook' })).toMatchObject({ status: 'failed', attempts: 3, last_error: 'connection refused' });
    state.close();

    const again = await DeliveryState.open(file);
    const sent: string[] = [];
    const restarted = make(again, async (w) => void sent.push(w.url));
    await restarted.delivery.resume(R2);
    expect(sent).toEqual([]);
    expect(restarted.lines.filter((l) => l.msg === 'alerts: already handled, not sent again').map((l) => [l.subscription, l.status])).toEqual([['nel', 'failed'], ['region', 'delivered']]);
    again.close();
  });

  it('resumes a pending delivery after a restart with the very body first built', async () => {
    const file = await stateFile();
    const state = await DeliveryState.open(file);
    const bodies: string[] = [];
    const first = make(state, async (_w, body) => {
      bodies.push(body);
      throw new DeliveryFailure('answered 502');
    }, { subscriptions: [NEL], schedule: { firstMs: 60_000, maxMs: 60_000, maxAttempts: 5 } });
    const running = first.delivery.deliverRelease(R2);
    await waitFor(() => bodies.length === 1);
    first.delivery.stop();
    await running;
    expect(await state.get({ subscription: 'nel', release: 'r2', channel: 'webhook' })).toMatchObject({ status: 'pending', attempts: 1 });
    state.close();

    const again = await DeliveryState.open(file);
    // The tables changed meanwhile: a resumed delivery still sends what was first built.
    const restarted = make(again, async (_w, body) => void bodies.push(body), { subscriptions: [NEL], statusTables: async () => makeStatusTable('x', []) });
    await restarted.delivery.resume(R1);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(await again.get({ subscription: 'nel', release: 'r2', channel: 'webhook' })).toMatchObject({ status: 'delivered', attempts: 2 });
    again.close();
  });

  it('never throws to its caller: a release it cannot compare is a log line', async () => {
    const state = await DeliveryState.open(':memory:');
    const { delivery, lines } = make(state, async () => undefined, { statusTables: async () => Promise.reject(new Error('table build failed')) });
    await expect(delivery.deliverRelease(R2)).resolves.toBeUndefined();
    expect(lines.filter((l) => l.level === 'error').map((l) => [l.msg, l.subscription, l.channel, l.error])).toEqual([
      ['alerts: a delivery could not start', 'nel', 'webhook', 'table build failed'],
      ['alerts: a delivery could not start', 'region', 'webhook', 'table build failed'],
    ]);
    expect(await state.pending()).toEqual([]);
    await expect(delivery.deliverRelease(R1)).resolves.toBeUndefined();
    expect(lines.at(-1)).toMatchObject({ msg: 'alerts: no earlier release of the same kind, nothing to deliver', release: 'r1' });
    state.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition not met in 2 s');
}
