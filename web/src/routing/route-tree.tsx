import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, lazyRouteComponent, retainSearchParams } from '@tanstack/react-router';
import { areaProfileSearch, attentionSearch, campaignSearch, sitrepSearch, exploreSearch, indicatorSearch, inequalitiesSearch, overviewSearch, practiceSearch, rootSearch, signalsSearch } from '@pathfinder/metrics';
import { App, NotFound } from '../app.tsx';
import { countNavigation, landOnAttention } from './landing.ts';
import { viewSearch } from './url-search.ts';
import { prefetchAreaProfile, prefetchAttention, prefetchCampaign, prefetchIndicator, prefetchInequalities, prefetchOverview, prefetchPractices } from './view-loaders.ts';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The view's name in the document title. */
    title?: string;
    /** A page made to be printed (a report): drawn without the header, navigation and footer. */
    print?: boolean;
  }
}

// The data source (`release`) belongs to every page: each link keeps it unless it sets its own.
const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: App,
  notFoundComponent: NotFound,
  validateSearch: rootSearch,
  beforeLoad: ({ preload }) => countNavigation({ preload }),
  search: { middlewares: [retainSearchParams(['release'])] },
});

// Each view is its own chunk, so the first page loads only what it shows; a route's loader starts
// the view's first requests while its chunk downloads.
const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  staticData: { title: 'Overview' },
  ...viewSearch(overviewSearch),
  beforeLoad: ({ preload, location }) => landOnAttention({ preload, location }),
  loaderDeps: ({ search: { areaType, domain, comparator, release } }) => ({ areaType, domain, comparator, release }),
  loader: ({ context, deps }) => void prefetchOverview(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/overview-page.tsx')),
});

// Attention is a signed-in user's first page (see landing.ts); its list waits for the session, which says what the caller may ask for.
const attentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/attention',
  staticData: { title: 'Attention' },
  ...viewSearch(attentionSearch),
  loaderDeps: ({ search: { domain, areaType, severity, new: onlyNew, release } }) => ({ domain, areaType, severity, new: onlyNew, release }),
  loader: ({ context, deps }) => void prefetchAttention(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/attention-page.tsx')),
});

const signalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/attention/signals',
  staticData: { title: 'Signals summary' },
  ...viewSearch(signalsSearch),
  component: lazyRouteComponent(() => import('../views/signals-page.tsx')),
});

const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/indicators/$id',
  staticData: { title: 'Indicator' },
  ...viewSearch(indicatorSearch),
  loaderDeps: ({ search: { areaType, period, comparator, area, release } }) => ({ areaType, period, comparator, area, release }),
  loader: ({ context, params, deps }) => void prefetchIndicator(context.queryClient, params.id, deps),
  component: lazyRouteComponent(() => import('../views/indicator-page.tsx')),
});

const areaProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/areas/$code',
  staticData: { title: 'Area profile' },
  ...viewSearch(areaProfileSearch),
  loaderDeps: ({ search: { comparator, release } }) => ({ comparator, release }),
  loader: ({ context, params, deps }) => void prefetchAreaProfile(context.queryClient, params.code, deps),
  component: lazyRouteComponent(() => import('../views/area-profile-page.tsx')),
});

const glossaryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/glossary',
  staticData: { title: 'Glossary' },
  component: lazyRouteComponent(() => import('../views/glossary-page.tsx')),
});

const practicesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/practices',
  staticData: { title: 'Practices' },
  ...viewSearch(practiceSearch),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void prefetchPractices(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/practice-page.tsx')),
});

const inequalitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inequalities',
  staticData: { title: 'Inequalities' },
  ...viewSearch(inequalitiesSearch),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void prefetchInequalities(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/inequalities-page.tsx')),
});

const campaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$id',
  staticData: { title: 'Campaign' },
  ...viewSearch(campaignSearch),
  loaderDeps: ({ search: { areaType, interval, release } }) => ({ areaType, interval, release }),
  loader: ({ context, params, deps }) => void prefetchCampaign(context.queryClient, params.id, deps),
  component: lazyRouteComponent(() => import('../views/campaign-page.tsx')),
});

// The situation report's print page, which the server prints to PDF (GET /campaigns/{id}/sitrep.pdf).
const sitrepRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$id/sitrep',
  staticData: { title: 'Campaign situation report', print: true },
  ...viewSearch(sitrepSearch),
  component: lazyRouteComponent(() => import('../views/campaign-sitrep-page.tsx')),
});

// Explore prefetches nothing: its data is DuckDB-WASM's, started by the view, never before it opens.
const exploreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/explore',
  staticData: { title: 'Explore' },
  ...viewSearch(exploreSearch),
  component: lazyRouteComponent(() => import('../views/explore-page.tsx')),
});

export const routeTree = rootRoute.addChildren([overviewRoute, attentionRoute, signalsRoute, indicatorRoute, areaProfileRoute, practicesRoute, inequalitiesRoute, campaignRoute, sitrepRoute, exploreRoute, glossaryRoute]);
