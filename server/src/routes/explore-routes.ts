import { exploreViewsQuerySchema, exploreViewsSchema } from '@pathfinder/metrics';
import { exploreViews } from '../services/explore-views.ts';
import { apiRoute, jsonAnswer, problem, routesApp } from './openapi-helpers.ts';
import { releaseMeta, serviceContext } from './respond.ts';

const viewsRoute = apiRoute({
  method: 'get', path: '/explore/views', tags: ['Extracts'],
  summary: 'Explore’s linked views for one selection, computed from the caller’s borough cube',
  description: [
    'The rows the Explore page’s views show for a selection (its URL state: period, ICBs, boroughs, deprivation quintiles, dose), computed on the server from the same borough cube extracts the caller downloads (GET /extracts/immunisation-borough-monthly.parquet and immunisation-borough-population.parquet, so the public’s are disclosure-controlled) with the same SQL the browser runs in DuckDB-WASM. The page shows it first, while DuckDB-WASM starts.',
    'Uptake rows give doses and estimated eligible children (children by year of birth, spread over each year’s days, who reach the dose’s due age in the period). Each view is filtered by the selection less its own dimension.',
  ].join('\n\n'),
  request: { query: exploreViewsQuerySchema },
  responses: {
    200: jsonAnswer(exploreViewsSchema, 'The cube’s extent and every view’s rows'),
    404: problem('The release has no event data (no_event_data)'),
  },
});

export const exploreRoutes = routesApp().openapi(viewsRoute, async (c) => {
  const { disclosure, ...body } = await exploreViews(serviceContext(c), c.req.valid('query'));
  return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
});
