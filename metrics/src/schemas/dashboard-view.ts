/**
 * The dashboard's pages (web/src/routing/route-tree.tsx) as path patterns, a `*` segment standing
 * for one id (an indicator, area or campaign): what a snapshot may point at.
 */
export const DASHBOARD_PATHS = ['/', '/attention', '/attention/signals', '/indicators/*', '/areas/*', '/practices', '/inequalities', '/campaigns/*', '/campaigns/*/sitrep', '/explore', '/glossary', '/accessibility'] as const;

const ID_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const SEARCH_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
// What a search value may hold as the dashboard writes it: unreserved characters, percent escapes and
// the sub-delimiters TanStack Router leaves unescaped. No quote, angle bracket, backslash or space.
const SEARCH_VALUE = /^[A-Za-z0-9._~%+!*'(),:@/$;=-]*$/;

const matchesPath = (path: string) => {
  const segments = path.split('/').slice(1);
  return DASHBOARD_PATHS.some((pattern) => {
    const parts = pattern.split('/').slice(1);
    return parts.length === segments.length && parts.every((part, i) => (part === '*' ? ID_SEGMENT.test(segments[i]!) : part === segments[i]));
  });
};

const decodes = (value: string) => {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * A dashboard view (path and search, as the browser's address bar has them after the origin) with
 * `release=` set to `release`, or why it is not one: only the dashboard's own pages, on this origin
 * (no scheme, no `//`, no backslash, no fragment), with search parameters as the dashboard writes
 * them. So a snapshot link can only ever open one of our pages, at the release it showed.
 * @example pinnedDashboardView('/indicators/imm-mmr1-24m?area=E09000012', 'r1') // { view: '/indicators/imm-mmr1-24m?area=E09000012&release=r1' }
 * @example pinnedDashboardView('//evil.example/x', 'r1') // { error: 'a path on this dashboard, starting with one /' }
 */
export function pinnedDashboardView(view: string, release: string): { readonly view: string } | { readonly error: string } {
  if (!view.startsWith('/') || view.startsWith('//')) return { error: 'a path on this dashboard, starting with one /' };
  if (/[^\x21-\x7e]|\\|#/.test(view)) return { error: 'no spaces, backslashes, fragments or characters outside printable ASCII (percent-encode them)' };
  const queryAt = view.indexOf('?');
  const path = queryAt === -1 ? view : view.slice(0, queryAt);
  const search = queryAt === -1 ? '' : view.slice(queryAt + 1);
  if (!matchesPath(path)) return { error: `not a dashboard page: ${path.slice(0, 100)} (one of ${DASHBOARD_PATHS.join(', ')})` };
  const pairs = search.split('&').filter((pair) => pair !== '');
  for (const pair of pairs) {
    const [name = '', value = ''] = pair.split(/=(.*)/s);
    if (!SEARCH_NAME.test(name) || !SEARCH_VALUE.test(value) || !decodes(value)) return { error: `not a search parameter the dashboard writes: ${pair.slice(0, 100)}` };
  }
  const kept = pairs.filter((pair) => !pair.startsWith('release=') && pair !== 'release');
  return { view: `${path}?${[...kept, `release=${encodeURIComponent(release)}`].join('&')}` };
}
