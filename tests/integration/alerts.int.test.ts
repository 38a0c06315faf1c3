import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { SEVERITIES, type AlertItem, type AlertList, type AttentionList, type Subscription } from '@pathfinder/metrics';
import { importRelease } from '@pathfinder/fixtures';
import { AlertDelivery } from '../../server/src/alerts/alert-delivery.ts';
import { DeliveryState } from '../../server/src/alerts/delivery-state.ts';
import { smtpSender } from '../../server/src/alerts/email-sender.ts';
import { verifyWebhookSignature } from '../../server/src/alerts/webhook-signature.ts';
import { statusTable } from '../../server/src/services/attention/status-table.ts';
import { openTestRelease } from '../support/test-release.ts';
import { csvText } from '../support/valid-import-files.ts';
import { childrenNamed, parseXml } from '../support/xml-document.ts';

// Two releases of the synthetic London a quarter apart (`generate --as-at 2024-12-31`, then the
// default 2025-03-31, current): what /alerts and /alerts.atom say is new, for each kind of caller,
// and what a subscription receives by webhook and by email.

const NEL = 'E54000029';
let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let nel: Record<string, string>;
const earlierId = () => release.earlier!.id;

beforeAll(async () => {
  release = await openTestRelease({ earlier: '2024-12-31' });
  app = release.app();
  nel = await release.auth('ics', NEL);
}, 240_000);
afterAll(() => release?.dispose());

const get = async <T>(url: string, headers: Record<string, string> = {}) => {
  const res = await app.request(url, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.clone().text(), json: () => res.json() as Promise<T> };
};
const alerts = async (query: string, headers: Record<string, string> = {}) => {
  const res = await get<AlertList>(`/api/v1/alerts${query}`, headers);
  expect(res.status, res.text).toBe(200);
  return res.json();
};
const icbOf = (code: string) => release.store.current().areas.get(code)?.icbCode ?? null;
const key = (i: { areaCode: string; kind: string; indicatorId: string }) => `${i.areaCode}|${i.kind}|${i.indicatorId}`;

describe('GET /alerts', () => {
  it('compares the current release with the earlier one of its kind, most urgent first', async () => {
    const body = await alerts('?limit=5000', nel);
    expect(body.meta.releaseId).toBe(release.manifest.id);
    expect(body.since).toEqual({ releaseId: earlierId(), dataAsAt: '2024-12-31' });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.total).toBe(body.items.length);
    const ranks = body.items.map((a) => SEVERITIES.indexOf(a.change === 'resolved' ? a.previous!.severity : a.current!.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const a of body.items) {
      if (a.change === 'new') expect([a.previous?.severity ?? 'ok', a.current?.severity !== 'ok']).toEqual(['ok', true]);
      if (a.change === 'resolved') expect([a.previous?.severity !== 'ok', a.current?.severity ?? 'ok']).toEqual([true, 'ok']);
      if (a.change === 'changed') expect(a.newSignals.length + a.resolvedSignals.length > 0 || a.previous?.severity !== a.current?.severity || a.previous?.comparison !== a.current?.comparison).toBe(true);
    }
  });

  it('agrees with the two releases’ attention lists: new items need attention now and did not, resolved ones the other way', async () => {
    const attention = async (query: string) => {
      const res = await get<AttentionList>(`/api/v1/attention?limit=5000${query}`);
      expect(res.status, res.text).toBe(200);
      const list = await res.json();
      expect(list.total).toBe(list.items.length);
      return new Map(list.items.map((i) => [key(i), i]));
    };
    const [now, before] = await Promise.all([attention(''), attention(`&release=${earlierId()}`)]);
    const body = await alerts('?limit=5000');
    for (const a of body.items) {
      if (a.change === 'new') {
        expect(now.get(key(a))?.severity).toBe(a.severity);
        expect(before.has(key(a))).toBe(false);
      }
      if (a.change === 'resolved') {
        expect(before.get(key(a))?.severity).toBe(a.severity);
        expect(now.has(key(a))).toBe(false);
      }
    }
    // And every area × indicator that needs attention now and did not is an alert.
    const newKeys = new Set(body.items.filter((a) => a.change === 'new').map(key));
    expect([...now.keys()].filter((k) => !before.has(k)).every((k) => newKeys.has(k))).toBe(true);
  });

  it('gives the public boroughs, ICBs and London only, and an ICS its ICB’s areas only, practices included', async () => {
    const pub = await alerts('?limit=5000');
    expect(pub.items.length).toBeGreaterThan(0);
    expect(new Set(pub.items.map((a) => a.areaType)).has('practice')).toBe(false);
    expect(pub.items.some((a) => a.areaType === 'pcn')).toBe(false);
    expect(pub.meta.disclosure).toBe('suppressed-and-rounded');
    const ics = await alerts('?limit=5000', nel);
    expect(ics.items.length).toBeGreaterThan(0);
    expect(ics.items.filter((a) => icbOf(a.areaCode) !== NEL).map((a) => a.areaCode)).toEqual([]);
    expect(ics.items.some((a) => a.areaType === 'practice')).toBe(true);
  });

  it('filters by area level, domain, severity and parent, and cuts to limit after counting', async () => {
    const all = await alerts('?limit=5000', nel);
    expect(all.total).toBe(all.items.length);
    const boroughs = await alerts('?areaType=borough&limit=5000', nel);
    expect(boroughs.items.length).toBeGreaterThan(0);
    expect(boroughs.items).toEqual(all.items.filter((a) => a.areaType === 'borough'));
    const act = await alerts('?severity=act&domain=immunisation&limit=5000', nel);
    expect(act.items).toEqual(all.items.filter((a) => a.severity === 'act' && a.domain === 'immunisation'));
    const hackney = await alerts('?parent=E09000012&limit=5000', nel);
    expect(hackney.items.length).toBeGreaterThan(0);
    expect(hackney.items).toEqual(all.items.filter((a) => a.areaCode !== 'E09000012' && release.store.current().areas.get(a.areaCode)?.boroughCode === 'E09000012'));
    expect((await get('/api/v1/alerts?areaType=practice')).status).toBe(401);
    const cut = await alerts('?limit=3', nel);
    expect(cut).toMatchObject({ total: all.total, items: all.items.slice(0, 3) });
  });

  it('takes since= for the same comparison, and a release that is not current with release=', async () => {
    expect(await alerts(`?since=${earlierId()}&limit=5000`, nel)).toEqual(await alerts('?limit=5000', nel));
    const earlier = await alerts(`?release=${earlierId()}`);
    expect(earlier).toMatchObject({ meta: { releaseId: earlierId() }, since: null, total: 0, items: [] });
    const pinned = await alerts(`?release=${release.manifest.id}&limit=1`);
    expect(pinned.items[0]?.link).toContain(`release=${release.manifest.id}`);
  });

  it('refuses an unknown since (404), the release itself or one of another kind (400), and unknown parameters', async () => {
    const unknown = await get('/api/v1/alerts?since=no-such-release');
    expect([unknown.status, JSON.parse(unknown.text).code]).toEqual([404, 'release_not_found']);
    const itself = await get(`/api/v1/alerts?since=${release.manifest.id}`);
    expect([itself.status, JSON.parse(itself.text).detail]).toEqual([400, expect.stringContaining('is the release being compared')]);
    const file = path.join(release.dataDir, 'tidy.csv');
    await writeFile(file, csvText({ header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'], rows: [['24m_MMR1', 'E09000007', '2023/24 Q4', '612', '789']] }));
    await importRelease(release.dataDir, [file], 'tidy', { releaseName: 'import-x', activate: false });
    const other = await get('/api/v1/alerts?since=import-x');
    expect([other.status, JSON.parse(other.text).detail]).toEqual([400, expect.stringContaining('release import-x is imported, and release')]);
    expect((await get('/api/v1/alerts?sinse=x')).status).toBe(400);
    expect((await get('/api/v1/alerts?parent=E09999999')).status).toBe(404);
  });
});

describe('GET /alerts.atom', () => {
  it('is a well-formed Atom 1.0 feed with one entry per alert, linked to its deep link', async () => {
    const res = await get('/api/v1/alerts.atom?limit=50', nel);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.text);
    expect([feed.name, feed.attributes.xmlns]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    const only = (name: string) => childrenNamed(feed, name)[0]?.text;
    expect(only('id')).toMatch(/^tag:localhost,2025:alerts:ics-E54000029:/);
    expect(only('title')).toContain(release.manifest.id);
    expect(only('updated')).toBe(release.manifest.createdAt);
    expect(childrenNamed(feed, 'link').find((l) => l.attributes.rel === 'self')?.attributes.href).toBe('http://localhost/api/v1/alerts.atom?limit=50');
    const list = await alerts('?limit=50', nel);
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(list.items.length);
    entries.forEach((entry, i) => {
      const item = list.items[i]!;
      const link = childrenNamed(entry, 'link')[0]!.attributes.href!;
      const url = new URL(link);
      expect(url.origin).toBe('http://localhost');
      expect(url.searchParams.get('area')).toBe(item.areaCode);
      expect(url.searchParams.get('release')).toBe(item.change === 'resolved' ? earlierId() : release.manifest.id);
      expect(url.pathname).toBe(new URL(item.link, 'http://x').pathname);
      expect(childrenNamed(entry, 'id')[0]!.text).toBe(`tag:localhost,2025:alert:${earlierId()}:${release.manifest.id}:${item.areaCode}:${item.kind}:${item.indicatorId}`);
      expect(childrenNamed(entry, 'title')[0]!.text).toContain(item.areaName);
      expect(childrenNamed(entry, 'summary')[0]!.text.length).toBeGreaterThan(20);
      expect(icbOf(item.areaCode)).toBe(NEL);
    });
    expect(new Set(entries.map((e) => childrenNamed(e, 'id')[0]!.text)).size).toBe(entries.length);
    expect((await get('/api/v1/alerts.atom?limit=50', nel)).text).toBe(res.text);
  });

  it('makes links absolute with PUBLIC_URL when set, and never keeps a feed built from a forged Host', async () => {
    const forged = await app.request('http://evil.example/api/v1/alerts.atom?limit=2');
    expect(await forged.text()).toContain('http://evil.example/indicators/');
    const honest = await get('/api/v1/alerts.atom?limit=2');
    expect(honest.text).not.toContain('evil.example');
    const configured = release.app({ publicUrl: 'https://dashboard.example.org' });
    const text = await (await configured.request('http://evil.example/api/v1/alerts.atom?limit=2')).text();
    expect(text).not.toContain('evil.example');
    expect(parseXml(text).children.filter((c) => c.name === 'entry').every((e) => childrenNamed(e, 'link')[0]!.attributes.href!.startsWith('https://dashboard.example.org/indicators/'))).toBe(true);
  });

  it('the XML check it relies on refuses what is not well-formed', () => {
    for (const bad of ['<feed><a>x & y</a></feed>', '<feed><a></b></feed>', '<feed a="1" a="2"/>', '<feed>\u0001</feed>', '<feed/><feed/>', '<feed><a href="x<y"/></feed>', '<feed>&nbsp;</feed>']) expect(() => parseXml(bad)).toThrow(/not well-formed/);
  });
});

describe('delivery to a subscription by webhook and by email', () => {
  it('posts signed NEL-only alerts and mails a digest through a real SMTP server', async () => {
    const hooks: { body: string; signature: string; key: string }[] = [];
    const receiver = createServer((req, res) => {
      // Bytes first, decoded once: a character split across two chunks would be garbled (and its signature fail) if each chunk were decoded.
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        hooks.push({ body, signature: String(req.headers['x-pathfinder-signature']), key: String(req.headers['idempotency-key']) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const secret = 'nel-secret-of-16-chars';
    const sub: Subscription = { id: 'nel-ics', role: 'ics', icb: NEL, minSeverity: 'watch', webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret }, email: { to: ['lead@nel.example.org'] } };
    const state = await DeliveryState.open(':memory:');
    const email = smtpSender(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'alerts@pathfinder.example.org');
    const lines: Record<string, unknown>[] = [];
    try {
      const delivery = new AlertDelivery({ store: release.store, statusTables: statusTable, subscriptions: [sub], state, origin: 'https://dashboard.example.org', email, log: (l) => lines.push(l) });
      await delivery.resume(release.store.current());
      expect(lines.filter((l) => l.outcome === 'delivered').map((l) => l.channel).sort()).toEqual(['email', 'webhook']);

      expect(hooks).toHaveLength(1);
      const [hook] = hooks;
      expect(verifyWebhookSignature(hook!.body, secret, hook!.signature)).toBe(true);
      expect(hook!.key).toBe(`nel-ics:${release.manifest.id}`);
      const payload = JSON.parse(hook!.body) as { subscription: string; release: string; previousRelease: string; alerts: AlertItem[] };
      expect(payload).toMatchObject({ subscription: 'nel-ics', release: release.manifest.id, previousRelease: earlierId() });
      expect(payload.alerts.length).toBeGreaterThan(0);
      expect(payload.alerts.filter((a) => icbOf(a.areaCode) !== NEL)).toEqual([]);
      expect(payload.alerts.every((a) => a.link.startsWith('https://dashboard.example.org/') && a.severity !== 'ok' && a.severity !== 'improving')).toBe(true);

      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail).toMatch(/^To: lead@nel\.example\.org$/m);
      expect(mail).toMatch(/^Subject: Pathfinder Monitor: \d+ alerts? in release/m);
      expect(mail).toContain('Content-Type: text/plain');
      expect(mail).toContain('Content-Type: text/html');
    } finally {
      email.close();
      state.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
