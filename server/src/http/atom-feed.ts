/** One entry of an Atom feed; `link` is an absolute URL. */
interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly updated: string;
  readonly link: string;
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  /** RFC 3339 date-time. */
  readonly updated: string;
  /** The feed's own absolute URL (rel="self"). */
  readonly self: string;
  /** The page the feed is about (rel="alternate"), absolute. */
  readonly alternate: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
}

/**
 * An Atom 1.0 document (RFC 4287). Every text is escaped here, attributes included, and characters
 * XML 1.0 does not allow at all (most C0 controls) are dropped, so any area or indicator name makes a
 * well-formed feed.
 */
export function atomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <updated>${xmlText(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    ...feed.entries.map(
      (e) =>
        `  <entry>\n    <id>${xmlText(e.id)}</id>\n    <title>${xmlText(e.title)}</title>\n    <updated>${xmlText(e.updated)}</updated>\n    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>\n    <summary>${xmlText(e.summary)}</summary>\n  </entry>`,
    ),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text escaped for XML content and (double-quoted) attribute values. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}
