import { redirect } from '@tanstack/react-router';
import { accessToken } from '../api/access-token.ts';

// Navigations so far (the root route counts each, preloads aside), so the landing redirect applies to
// the page the browser opened and never to a later click on "Overview".
let navigations = 0;

/** The root route's `beforeLoad`: counts a navigation. */
export function countNavigation({ preload }: { preload: boolean }): void {
  if (!preload) navigations += 1;
}

/**
 * The Overview's `beforeLoad`: a signed-in user (a token in this tab) who opens the dashboard at `/`
 * lands on Attention, in the same release; a shared Overview link (any search but `release`) opens as shared.
 */
export function landOnAttention({ preload, location }: { preload: boolean; location: { searchStr: string } }): void {
  if (preload || navigations !== 1 || accessToken.get() === null) return;
  // The query string as written (the validated search has every default filled in).
  const written = new URLSearchParams(location.searchStr);
  if ([...written.keys()].some((key) => key !== 'release')) return;
  throw redirect({ to: '/attention', search: { release: written.get('release') ?? undefined }, replace: true });
}
