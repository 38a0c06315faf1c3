import type { MiddlewareHandler } from 'hono';
import { ReleaseVerificationError, releaseQuery } from '@pathfinder/metrics';
import type { AppEnv } from '../app-env.ts';
import { ReleaseNotFoundError, type DataStore, type OpenRelease } from '../store/data-store.ts';
import { ApiError } from './api-error.ts';

/**
 * Pins the request to the release its `release` parameter names, on the routes that declare it
 * (strict-query has refused it everywhere else), so services answer from `c.var.release` without
 * knowing there are several. Absent, the request keeps the current release set before. An id that
 * is not a release is a 404 `release_not_found`; a release that fails verification a 503
 * `release_unavailable` with the reason.
 */
export function releaseSelection(store: DataStore, declares: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.query('release');
    if (id !== undefined && declares(c)) c.set('release', await selectRelease(store, id));
    await next();
  };
}

/** Release `id` (validated as `release=` is): the current one, or the store's; 404 `release_not_found` when there is none, 503 when it cannot be served. */
export async function selectRelease(store: DataStore, id: string): Promise<OpenRelease> {
  const valid = releaseQuery.safeParse(id);
  if (!valid.success) throw new ApiError(400, 'invalid_parameter', `invalid parameter release: ${valid.error.issues[0]?.message ?? 'invalid'}`);
  const current = store.current();
  if (id === current.manifest.id) return current;
  const notFound = new ApiError(404, 'release_not_found', `no release with id ${JSON.stringify(id)}: GET /api/v1/releases lists the releases served`);
  if (!store.release) throw notFound;
  try {
    return await store.release(id);
  } catch (error) {
    if (error instanceof ReleaseNotFoundError) throw notFound;
    if (error instanceof ReleaseVerificationError) throw new ApiError(503, 'release_unavailable', `${error.message}; it is not served until it is repaired or published again`);
    console.error(JSON.stringify({ level: 'error', msg: 'opening release failed', release: id, error: error instanceof Error ? error.message : String(error) }));
    throw new ApiError(503, 'release_unavailable', `release ${id} could not be opened; the others are served`);
  }
}
