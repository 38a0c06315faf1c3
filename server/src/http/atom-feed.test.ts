import { describe, expect, it } from 'vitest';
import { atomFeed, xmlText } from './atom-feed.ts';

describe('xmlText', () => {
  it('escapes the five XML specials, in text and attributes', () => expect(xmlText(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;'));
  it('does not double-escape what looks like an entity', () => expect(xmlText('&amp; &#x3C;')).toBe('&amp;amp; &amp;#x3C;'));
  it('drops characters XML 1.0 forbids and keeps tab, newline and non-ASCII', () => expect(xmlText('x\u0000\u0007\u001Fy\t\nÉ–')).toBe('xy\t\nÉ–'));
});

describe('atomFeed', () => {
  const feed = atomFeed({
    id: 'tag:example.org,2025:alerts:public',
    title: 'Alerts <for> "London"',
    updated: '2025-03-31T00:00:00.000Z',
    self: 'https://example.org/api/v1/alerts.atom?domain=immunisation&limit=5',
    alternate: 'https://example.org/',
    author: 'Pathfinder Monitor',
    entries: [{ id: 'tag:example.org,2025:alert:a:b', title: 'Hackney & <Newham>', summary: 'fell </summary><script>', updated: '2025-03-31T00:00:00.000Z', link: 'https://example.org/indicators/x?period=2024%2F25%20Q4&area=E09000012' }],
  });

  it('declares Atom 1.0 with the feed’s id, title, updated time and self link', () => {
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(feed).toContain('<title>Alerts &lt;for&gt; &quot;London&quot;</title>');
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/api/v1/alerts.atom?domain=immunisation&amp;limit=5"/>');
    expect(feed.trimEnd().endsWith('</feed>')).toBe(true);
  });

  it('escapes every entry field, so no text can close an element', () => {
    expect(feed).toContain('<title>Hackney &amp; &lt;Newham&gt;</title>');
    expect(feed).toContain('<summary>fell &lt;/summary&gt;&lt;script&gt;</summary>');
    expect(feed).toContain('href="https://example.org/indicators/x?period=2024%2F25%20Q4&amp;area=E09000012"');
    expect(feed.match(/<entry>/g)).toHaveLength(1);
  });
});
