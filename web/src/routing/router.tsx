import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type ReactNode } from 'react';

/** The current location as the router sees it. */
export interface Location {
  readonly pathname: string;
  readonly search: URLSearchParams;
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

let snapshot: { href: string; location: Location } | null = null;
function currentLocation(): Location {
  const href = window.location.pathname + window.location.search;
  if (snapshot?.href !== href) snapshot = { href, location: { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) } };
  return snapshot.location;
}

/** Changes the URL (push by default) and re-renders subscribers; the back button returns to the previous state. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

export function useLocation(): Location {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, currentLocation);
}

/** Builds "/path?a=1&b=2" leaving out empty values, keys in a stable order. */
export function href(pathname: string, search: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const q = params.toString();
  return q ? `${pathname}?${q}` : pathname;
}

/** An anchor that navigates in-app (so state stays in the URL and history works) and falls back to a normal link. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      {...rest}
      href={to}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Moves focus to the main heading after in-app navigation so screen-reader users hear the new page. */
export function useFocusOnNavigate(pathname: string) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, the effect runs after each navigation
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading && document.activeElement !== document.body) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }, [pathname]);
}

const RouteParamsContext = createContext<Record<string, string>>({});
export const RouteParamsProvider = RouteParamsContext.Provider;
export const useRouteParams = () => useContext(RouteParamsContext);

/** Reads and writes a view's search parameters; writes replace or push history entries. */
export function useSearchState<T extends Record<string, string | number | undefined>>(parse: (search: URLSearchParams) => T) {
  const location = useLocation();
  const state = useMemo(() => parse(location.search), [location.search, parse]);
  const update = useCallback(
    (patch: Partial<T>, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      const q = next.toString();
      navigate(q ? `${window.location.pathname}?${q}` : window.location.pathname, options);
    },
    [],
  );
  return [state, update] as const;
}
