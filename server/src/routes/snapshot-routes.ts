import { snapshotBodySchema, snapshotCreatedSchema, snapshotIdParam, snapshotSchema, SNAPSHOT_ID_PATTERN } from '@pathfinder/metrics';
import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../http/api-error.ts';
import { createSnapshot, findSnapshot, snapshotOf } from '../services/snapshots.ts';
import type { DataStore } from '../store/data-store.ts';
import { SnapshotStore } from '../user-data/snapshot-store.ts';
import type { UserDataFile } from '../user-data/user-data-file.ts';
import { apiRoute, jsonAnswer, problem, routesApp } from './openapi-helpers.ts';

const UNAVAILABLE = problem('The answer took longer than the server’s deadline (query_timeout), or this server has no user-data file (user_data_unavailable: another server on the data directory holds it)');

const createRouteDecl = apiRoute({
  method: 'post', path: '/snapshots', tags: ['Snapshots'], summary: 'Store a permanent link to a dashboard view at a release',
  description: 'The view is a path of the dashboard with its search (no origin); the stored view gets `release=` pinned to the release it showed, so /s/{id} opens the same numbers after newer releases. A snapshot holds no data: anyone may make one.',
  request: { body: { required: true, content: { 'application/json': { schema: snapshotBodySchema } } } },
  responses: {
    201: jsonAnswer(snapshotCreatedSchema, 'The new snapshot’s id; the link is /s/{id}'),
    400: problem('A field is missing, invalid or unknown, the view is not a dashboard page, or no release has this id (invalid_parameter, naming the field)'),
    503: UNAVAILABLE,
  },
}, { release: false });

const readRoute = apiRoute({
  method: 'get', path: '/snapshots/{id}', tags: ['Snapshots'], summary: 'A stored snapshot',
  request: { params: snapshotIdParam },
  responses: {
    200: jsonAnswer(snapshotSchema, 'The view (release pinned), its release and when it was made'),
    404: problem('No snapshot with this id (snapshot_not_found)'),
    503: UNAVAILABLE,
  },
}, { release: false });

const unavailable = () => new ApiError(503, 'user_data_unavailable', 'this server has no user-data file: another server on the data directory holds it');

const storeOf = (userData: UserDataFile | null) => {
  const snapshots = userData ? new SnapshotStore(userData) : null;
  return () => {
    if (!snapshots) throw unavailable();
    return snapshots;
  };
};

/** `POST /snapshots` and `GET /snapshots/{id}`, over the user-data file (none: 503). */
export function snapshotRoutes(userData: UserDataFile | null, store: DataStore) {
  const snapshots = storeOf(userData);
  return routesApp()
    .openapi(createRouteDecl, async (c) => {
      const row = await createSnapshot(snapshots(), store, c.req.valid('json'), new Date());
      return c.json({ id: row.id }, 201, { Location: `/s/${row.id}` });
    })
    .openapi(readRoute, async (c) => c.json(snapshotOf(await findSnapshot(snapshots(), c.req.valid('param').id)), 200));
}

/** `/s/{id}`, the link a person shares: 302 to the stored view, whose `release=` opens the same numbers. */
export function snapshotRedirect(userData: UserDataFile | null): Handler<AppEnv> {
  const snapshots = storeOf(userData);
  return async (c) => {
    const id = c.req.param('id') ?? '';
    if (!SNAPSHOT_ID_PATTERN.test(id)) throw ApiError.notFound('snapshot', id.slice(0, 64));
    const row = await findSnapshot(snapshots(), id);
    return c.redirect(row.view, 302);
  };
}
