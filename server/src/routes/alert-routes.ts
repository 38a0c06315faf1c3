import { z } from '@hono/zod-openapi';
import { alertListSchema, alertsQuerySchema } from '@pathfinder/metrics';
import { alertList } from '../services/attention/alert-list.ts';
import { alertsFeed } from '../services/attention/alerts-feed.ts';
import type { StatusTables } from '../services/attention/release-alerts.ts';
import { statusScopeFor } from '../services/attention/status-scope.ts';
import type { DataStore } from '../store/data-store.ts';
import { apiRoute, forbidden, jsonAnswer, problem, routesApp } from './openapi-helpers.ts';
import { releaseMeta, serviceContext } from './respond.ts';

const ERRORS = {
  403: forbidden('this area level'),
  400: problem('A parameter is invalid or not declared, or `since` names a release of another kind, or the release itself (invalid_parameter)'),
  404: problem('No release with the id `since` names (release_not_found), or unknown parent area (area_not_found)'),
} as const;

const DESCRIPTION =
  'What changed in the release (default the current one) since `since`, by default the newest earlier release of the same kind (by dataAsAt, then createdAt): each area × indicator, at each release’s latest period, whose status is new (needs attention now, did not before), resolved (no longer needs it), or changed (severity, signals or benchmark comparison), with both releases’ figures. Scoped as GET /attention: the caller’s token decides the areas (the public: London, ICBs and boroughs, from the public table). Ranked by severity (a resolved alert by the severity it had), then people affected.';

const listRoute = apiRoute({
  method: 'get', path: '/alerts', tags: ['Attention'], summary: 'What is new since the previous release of the same kind, for the caller’s areas',
  description: DESCRIPTION,
  request: { query: alertsQuerySchema },
  responses: { 200: jsonAnswer(alertListSchema, 'The alerts, most urgent first, with the release compared with'), ...ERRORS },
});

const feedRoute = apiRoute({
  method: 'get', path: '/alerts.atom', tags: ['Attention'], summary: 'The same alerts as an Atom 1.0 feed',
  description: `${DESCRIPTION} One entry per alert, with a stable id and a link to its deep link on the dashboard (absolute, from PUBLIC_URL or the request; naming the release the alert is about).`,
  request: { query: alertsQuerySchema },
  responses: { 200: { description: 'An Atom 1.0 feed', content: { 'application/atom+xml': { schema: z.string() } } }, ...ERRORS },
});

export interface AlertRouteDeps {
  readonly store: DataStore;
  readonly statusTables: StatusTables;
  /** The dashboard's public origin (PUBLIC_URL); absent, the request's. */
  readonly publicUrl?: string;
}

/** `GET /alerts` and `GET /alerts.atom`, over the store's releases and their status tables. */
export const alertRoutes = ({ store, statusTables, publicUrl }: AlertRouteDeps) =>
  routesApp()
    .openapi(listRoute, async (c) => {
      const { release, ...query } = c.req.valid('query');
      const { disclosure, ...body } = await alertList(serviceContext(c), store, statusTables, query, release ?? null);
      return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
    })
    .openapi(feedRoute, async (c) => {
      const { release: _release, ...query } = c.req.valid('query');
      const { since, items } = await alertList(serviceContext(c), store, statusTables, query, null);
      const sinceManifest = since && { id: since.releaseId };
      const url = new URL(c.req.url);
      const xml = alertsFeed({ release: c.var.release.manifest, since: sinceManifest, scope: statusScopeFor(c.var.caller), items, origin: publicUrl ?? url.origin, self: `${url.pathname}${url.search}` });
      return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    });
