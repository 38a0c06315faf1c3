import type { AlertItem } from '@pathfinder/metrics';
import { xmlText as html } from '../http/atom-feed.ts';
import { alertDescription, alertHeadline } from '../services/attention/alert-text.ts';

export interface DigestInput {
  readonly subscription: string;
  readonly release: string;
  readonly previousRelease: string;
  /** Alerts whose links are absolute already. */
  readonly alerts: readonly AlertItem[];
}

/** Alerts an email lists at most (most urgent first); the rest are counted, and the feed and the dashboard have them all. */
const MAX_LISTED = 100;

export interface EmailDigest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The email of one subscription for one release: every alert with its headline, sentences and link, as plain text and as HTML (every value escaped). */
export function emailDigest(input: DigestInput): EmailDigest {
  const alerts = input.alerts.slice(0, MAX_LISTED);
  const unlisted = input.alerts.length - alerts.length;
  const more = `And ${unlisted} more: the attention page and the alerts feed list them all.`;
  const counted = input.alerts.length === 1 ? '1 alert' : `${input.alerts.length} alerts`;
  const subject = `Pathfinder Monitor: ${counted} in release ${input.release}`;
  const intro = `What changed in release ${input.release} since ${input.previousRelease}, for subscription ${input.subscription}.`;
  const none = 'Nothing changed that needs your attention.';
  const text = [intro, '', ...(alerts.length === 0 ? [none] : alerts.flatMap((a) => [`* ${alertHeadline(a)}`, `  ${alertDescription(a)}`, `  ${a.link}`, ''])), ...(unlisted > 0 ? [more, ''] : [])].join('\n');
  const items = alerts.map((a) => `<li><p><a href="${html(a.link)}"><strong>${html(alertHeadline(a))}</strong></a></p><p>${html(alertDescription(a))}</p></li>`);
  const body = alerts.length === 0 ? `<p>${html(none)}</p>` : `<ul>\n${items.join('\n')}\n</ul>${unlisted > 0 ? `\n<p>${html(more)}</p>` : ''}`;
  const page = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${html(subject)}</title></head><body>\n<p>${html(intro)}</p>\n${body}\n</body></html>\n`;
  return { subject, text, html: page };
}
