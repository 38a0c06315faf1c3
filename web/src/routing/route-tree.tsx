import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, lazyRouteComponent, retainSearchParams } from '@tanstack/react-router';
import { areaProfileSearch, attentionSearch, campaignSearch, sitrepSearch, exploreSearch, indicatorSearch, inequalitiesSearch, overviewSearch, practiceSearch, rootSearch, signalsSearch } from '@pathfinder/metrics';
import { App, NotFound } from '../app.tsx';
import { renameOverviewParent, retainIcb } from './chosen-icb.ts';
import { countNavigation, landOnScope } from './landing.ts';
import { areaProfileTitle, campaignTitle, indicatorTitle, inequalitiesTitle, overviewTitle, practicesTitle, type TitleSource } from './page-titles.ts';
import { viewSearch } from './url-search.ts';
import { sessionQueries } from '../api/queries.ts';
import { prefetchAreaProfile, prefetchAttention, prefetchCampaign, prefetchIndicator, prefetchInequalities, prefetchOverview, prefetchPractices } from './view-loaders.ts';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page's document title (before " – Pathfinder Monitor"): the view's name, or made from what the page shows. */
    title?: string | ((page: TitleSource) => string);
    /** A page made to be printed (a report): drawn without the header, navigation and footer. */
    print?: boolean;
  }
}

// The data source (`release`) and the ICB the user chose (`icb`) belong to every page: each link keeps them unless it sets its own.
const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: App,
  notFoundComponent: NotFound,
  validateSearch: rootSearch,
  beforeLoad: ({ preload }) => countNavigation({ preload }),
  search: { middlewares: [retainSearchParams(['release']), retainIcb] },
});

// Each view is its own chunk, so the first page loads only what it shows; a route's loader starts
// the view's first requests while its chunk downloads.
const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  staticData: { title: overviewTitle },
  ...viewSearch(overviewSearch),
  beforeLoad: async ({ preload, location, search, context }) => {
    renameOverviewParent({ search });
    // A refused session is not the landing's to report: the Attention page shows its error with a retry.
    await landOnScope({ preload, location, session: () => context.queryClient.ensureQueryData(sessionQueries.caller()).catch(() => undefined) });
  },
  loaderDeps: ({ search: { areaType, domain, comparator, release } }) => ({ areaType, domain, comparator, release }),
  loader: ({ context, deps }) => void prefetchOverview(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/overview-page.tsx')),
});

// Attention is a signed-in user's first page, on the token's own scope (see landing.ts); its list waits for the session, which says what the caller may ask for.
const attentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/attention',
  staticData: { title: 'Attention' },
  ...viewSearch(attentionSearch),
  loaderDeps: ({ search: { domain, areaType, severity, new: onlyNew, icb, release } }) => ({ domain, areaType, severity, new: onlyNew, icb, release }),
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
  staticData: { title: indicatorTitle },
  ...viewSearch(indicatorSearch),
  loaderDeps: ({ search: { areaType, period, comparator, area, release } }) => ({ areaType, period, comparator, area, release }),
  loader: ({ context, params, deps }) => void prefetchIndicator(context.queryClient, params.id, deps),
  component: lazyRouteComponent(() => import('../views/indicator-page.tsx')),
});

const areaProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/areas/$code',
  staticData: { title: areaProfileTitle },
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
  staticData: { title: practicesTitle },
  ...viewSearch(practiceSearch),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void prefetchPractices(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/practice-page.tsx')),
});

const inequalitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inequalities',
  staticData: { title: inequalitiesTitle },
  ...viewSearch(inequalitiesSearch),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void prefetchInequalities(context.queryClient, deps),
  component: lazyRouteComponent(() => import('../views/inequalities-page.tsx')),
});

const campaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$id',
  staticData: { title: campaignTitle },
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

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accessibility',
  staticData: { title: 'Accessibility statement' },
  component: lazyRouteComponent(() => import('../views/accessibility-statement-page.tsx')),
});

export const routeTree = rootRoute.addChildren([overviewRoute, attentionRoute, signalsRoute, indicatorRoute, areaProfileRoute, practicesRoute, inequalitiesRoute, campaignRoute, sitrepRoute, exploreRoute, glossaryRoute, accessibilityRoute]);
