import { describe, expect, it } from 'vitest';
import { alertsBetween } from '../services/attention/alerts-between.ts';
import { makeStatusRow, makeStatusTable, signal } from '../services/attention/status-table.test-helper.ts';
import { emailDigest } from './email-digest.ts';

const WORSE = signal('worse-998', 'act', 'Significantly worse than London <99.8%> & falling');

const alertsAt = (codes: readonly string[]) =>
  alertsBetween(makeStatusTable('r1', []), makeStatusTable('r2', codes.map((areaCode) => makeStatusRow({ areaCode, signals: [WORSE] })))).map((a) => ({ ...a.item, link: `https://dash.example.org${a.item.link}&x=<y>` }));

describe('emailDigest', () => {
  it('lists each alert with its headline, sentences and link, in text and escaped HTML', () => {
    const digest = emailDigest({ subscription: 'nel', release: 'r2', previousRelease: 'r1', alerts: alertsAt(['F84001']) });
    expect(digest.subject).toBe('Pathfinder Monitor: 1 alert in release r2');
    expect(digest.text).toContain('* The Practice <&> "Hackney": MMR1 at 24 months needs attention (act)');
    expect(digest.text).toContain('New: Significantly worse than London <99.8%> & falling.');
    expect(digest.html).toContain('<strong>The Practice &lt;&amp;&gt; &quot;Hackney&quot;: MMR1 at 24 months needs attention (act)</strong>');
    expect(digest.html).toContain('href="https://dash.example.org/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&amp;areaType=borough&amp;area=F84001&amp;signal=worse-998&amp;x=&lt;y&gt;"');
    expect(digest.html).not.toMatch(/<99|& falling|<y>/);
  });

  it('lists the 100 most urgent and counts the rest, and says when nothing changed', () => {
    const many = alertsAt(['E09000012']);
    const digest = emailDigest({ subscription: 'nel', release: 'r2', previousRelease: 'r1', alerts: Array.from({ length: 130 }, () => many[0]!) });
    expect(digest.subject).toBe('Pathfinder Monitor: 130 alerts in release r2');
    expect(digest.text.match(/^\* /gm)).toHaveLength(100);
    expect(digest.text).toContain('And 30 more: the attention page and the alerts feed list them all.');
    expect(digest.html.match(/<li>/g)).toHaveLength(100);
    expect(emailDigest({ subscription: 'nel', release: 'r2', previousRelease: 'r1', alerts: [] }).text).toContain('Nothing changed that needs your attention.');
  });
});
