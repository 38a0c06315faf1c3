import { describe, expect, it } from 'vitest';
import { parseSubscriptions } from './subscriptions-file.ts';

const NEL = { id: 'nel-ics', role: 'ics', icb: 'E54000029', webhook: { url: 'https://hooks.example.org/pathfinder', secret: 'a-secret-of-16-chars' } };

describe('parseSubscriptions', () => {
  it('reads a valid file, with minSeverity defaulting to watch and one address as a list', () => {
    const subs = parseSubscriptions(JSON.stringify([NEL, { id: 'region', role: 'region', domains: ['immunisation'], email: { to: 'lead@example.org' } }]));
    expect(subs).toEqual([
      { ...NEL, minSeverity: 'watch' },
      { id: 'region', role: 'region', domains: ['immunisation'], minSeverity: 'watch', email: { to: ['lead@example.org'] } },
    ]);
  });

  it.each([
    ['a short secret', [NEL, NEL, { ...NEL, id: 'c', webhook: { ...NEL.webhook, secret: 'short' } }], 'subscriptions.json[2].webhook.secret: at least 16 characters'],
    ['an ics subscription without its ICB', [{ ...NEL, icb: undefined }], 'subscriptions.json[0].icb: an ics subscription needs its icb'],
    ['an ICB on the public', [{ ...NEL, role: 'public' }], 'subscriptions.json[0].icb: only an ics subscription has an icb'],
    ['no channel', [{ id: 'x', role: 'region' }], 'subscriptions.json[0].webhook: a subscription needs a webhook or an email'],
    ['an unknown field', [{ ...NEL, hook: 1 }], 'subscriptions.json[0]: Unrecognized key: "hook"'],
    ['a repeated id', [NEL, NEL], 'subscriptions.json[1].id: id nel-ics repeats'],
    ['an ftp webhook', [{ ...NEL, webhook: { ...NEL.webhook, url: 'ftp://example.org/x' } }], 'subscriptions.json[0].webhook.url'],
    ['an unknown domain', [{ ...NEL, domains: ['astrology'] }], 'subscriptions.json[0].domains[0]'],
    ['not an array', { subscriptions: [] }, 'subscriptions.json: '],
  ])('refuses %s, naming the field', (_case, file, message) => {
    expect(() => parseSubscriptions(JSON.stringify(file))).toThrow(message);
  });

  it('reports every problem at once, and text that is not JSON', () => {
    const error = (() => {
      try {
        parseSubscriptions(JSON.stringify([{ ...NEL, minSeverity: 'panic' }, { ...NEL, id: 'b', email: { to: 'nobody' } }]));
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toContain('subscriptions.json[0].minSeverity');
    expect(error).toContain('subscriptions.json[1].email.to');
    expect(() => parseSubscriptions('[{')).toThrow(/^subscriptions.json: not JSON/);
  });
});
