import { redirect } from '@tanstack/react-router';
import type { Session } from '@pathfinder/metrics';
import { accessToken } from '../api/access-token.ts';
import { sessionIcb } from './chosen-icb.ts';

// Navigations so far (the root route counts each, preloads aside), so the landing redirect applies to
// the page the browser opened and never to a later click on "Overview".
let navigations = 0;

/** The root route's `beforeLoad`: counts a navigation. */
export function countNavigation({ preload }: { preload: boolean }): void {
  if (!preload) navigations += 1;
}

/**
 * Whether this page is a signed-in user's landing: the first page (not a preload) opened at `/`
 * with a token in this tab and no search but `release` (a shared Overview link opens as shared).
 */
export function isLanding({ preload, location }: { preload: boolean; location: { searchStr: string } }): boolean {
  if (preload || navigations !== 1 || accessToken.get() === null) return false;
  // The query string as written (the validated search has every default filled in).
  return [...new URLSearchParams(location.searchStr).keys()].every((key) => key === 'release');
}

/**
 * Where a signed-in user lands: Attention, in the release of the link, on the session's own scope:
 * an ICS token's ICB in the URL (so every view after it follows that ICB), all London for the region.
 * Without a session (a refused token) the same page, which says why.
 */
export function landingRedirect(searchStr: string, session: Pick<Session, 'role' | 'icb'> | undefined) {
  const release = new URLSearchParams(searchStr).get('release') ?? undefined;
  return redirect({ to: '/attention', search: { release, icb: session ? sessionIcb(session) : undefined }, replace: true });
}

/**
 * The Overview's `beforeLoad`: lands a signed-in user who opens `/` on their scope's Attention, once
 * `session` (the caller as the API sees it; undefined when refused) says what that scope is.
 */
export async function landOnScope(args: { preload: boolean; location: { searchStr: string }; session: () => Promise<Pick<Session, 'role' | 'icb'> | undefined> }): Promise<void> {
  if (!isLanding(args)) return;
  throw landingRedirect(args.location.searchStr, await args.session());
}
