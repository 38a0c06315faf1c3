import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface RouteDef {
  readonly name: string;
  /** Path pattern with :params, e.g. "/indicators/:id". */
  readonly pattern: string;
  readonly title: string;
  readonly component: LazyExoticComponent<ComponentType>;
}

// Each view is its own chunk, so the first page loads only what it shows.
const ROUTES: readonly RouteDef[] = [
  { name: 'overview', pattern: '/', title: 'Overview', component: lazy(() => import('../views/overview-page.tsx')) },
  { name: 'indicator', pattern: '/indicators/:id', title: 'Indicator', component: lazy(() => import('../views/indicator-page.tsx')) },
  { name: 'profile', pattern: '/areas/:code', title: 'Area profile', component: lazy(() => import('../views/area-profile-page.tsx')) },
  { name: 'practices', pattern: '/practices', title: 'Practices', component: lazy(() => import('../views/practice-page.tsx')) },
  { name: 'inequalities', pattern: '/inequalities', title: 'Inequalities', component: lazy(() => import('../views/inequalities-page.tsx')) },
  { name: 'campaign', pattern: '/campaigns/:id', title: 'Campaign', component: lazy(() => import('../views/campaign-page.tsx')) },
  { name: 'explore', pattern: '/explore', title: 'Explore', component: lazy(() => import('../views/explore-page.tsx')) },
];

/** The route a pathname matches, with its params; null when none does. */
export function matchRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | null {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((p, i) => {
      if (!p.startsWith(':')) return p === parts[i];
      params[p.slice(1)] = decodeURIComponent(parts[i]!);
      return true;
    });
    if (matches) return { route, params };
  }
  return null;
}
