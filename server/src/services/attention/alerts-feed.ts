import type { AlertItem, ReleaseManifest } from '@pathfinder/metrics';
import { atomFeed } from '../../http/atom-feed.ts';
import { alertDescription, alertHeadline } from './alert-text.ts';
import { pinnedAlertLink } from './alerts-between.ts';
import type { StatusScope } from './status-scope.ts';

export interface AlertsFeedInput {
  readonly release: ReleaseManifest;
  readonly since: Pick<ReleaseManifest, 'id'> | null;
  readonly scope: StatusScope;
  readonly items: readonly AlertItem[];
  /** Scheme, host and port the links are made absolute with (PUBLIC_URL, or the request's). */
  readonly origin: string;
  /** The feed's own URL (path and query). */
  readonly self: string;
}

/**
 * The alerts of a release as an Atom feed. An entry's id is a tag URI of the two releases, the area
 * and the indicator, so it is the same in every copy of the feed; its link is the item's deep link,
 * absolute, naming the release the alert is about (a feed entry stays true when a newer release
 * becomes current).
 */
export function alertsFeed(input: AlertsFeedInput): string {
  const { release, since, origin } = input;
  const authority = `${new URL(origin).hostname},2025`;
  const updated = release.createdAt;
  const scopeName = input.scope.kind === 'ics' ? `ICB ${input.scope.icb}` : input.scope.kind === 'region' ? 'London (region)' : 'London (public)';
  return atomFeed({
    id: `tag:${authority}:alerts:${[input.scope.kind === 'ics' ? `ics-${input.scope.icb}` : input.scope.kind, input.self].map(encodeURIComponent).join(':')}`,
    title: `Pathfinder Monitor alerts for ${scopeName}: release ${release.id}${since ? ` since ${since.id}` : ''}`,
    updated,
    self: new URL(input.self, origin).href,
    alternate: new URL('/', origin).href,
    author: 'Pathfinder Monitor',
    entries: input.items.map((item) => ({
      id: `tag:${authority}:alert:${[since?.id ?? '', release.id, item.areaCode, item.kind, item.indicatorId].map(encodeURIComponent).join(':')}`,
      title: alertHeadline(item),
      summary: alertDescription(item),
      updated,
      link: new URL(pinnedAlertLink(item, release.id), origin).href,
    })),
  });
}
