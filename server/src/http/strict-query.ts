import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ZodObject } from 'zod';
import { ApiError } from './api-error.ts';

type RouteDefinitions = OpenAPIHono['openAPIRegistry']['definitions'];

/** The query parameters a route declares, and how the route is named in its OpenAPI document. */
export interface DeclaredQuery {
  readonly openApiPath: string;
  readonly names: ReadonlySet<string>;
}

/**
 * The query parameter names of every declared GET route, keyed by the route's path as the router
 * writes it (`/api/v1/indicators/:id/values`), read from the OpenAPI registry so the document, the
 * validation and this check share one declaration.
 */
export function declaredQueries(definitions: RouteDefinitions): Map<string, DeclaredQuery> {
  const out = new Map<string, DeclaredQuery>();
  for (const def of definitions) {
    if (def.type !== 'route' || def.route.method !== 'get') continue;
    const query = def.route.request?.query;
    if (query !== undefined && !(query instanceof ZodObject)) throw new Error(`the query schema of GET ${def.route.path} must be a z.object so its parameter names are known`);
    out.set(def.route.path.replaceAll(/\{([^}]+)\}/g, ':$1'), { openApiPath: def.route.path, names: new Set(query ? Object.keys(query.shape) : []) });
  }
  return out;
}

/**
 * Refuses a GET whose query names a parameter its route does not declare (400 `unknown_parameter`,
 * naming it and listing the accepted ones). Zod would otherwise drop it silently, and every
 * `&junk=N` would be a new answer in the response cache. Routes outside the OpenAPI document
 * (the docs page, the document itself) take no parameters; wildcard routes (the web app, whose
 * URLs carry the view state) are left alone.
 */
export function strictQuery(declared: () => ReadonlyMap<string, DeclaredQuery>): MiddlewareHandler {
  return async (c, next) => {
    const route = declaredRoute(c);
    if (!route) return next();
    const query = declared().get(route.path);
    const queryStart = c.req.url.indexOf('?');
    if (queryStart === -1) return next();
    for (const name of new URLSearchParams(c.req.url.slice(queryStart + 1)).keys()) {
      if (query?.names.has(name)) continue;
      const accepted = query && query.names.size > 0 ? `accepts ${[...query.names].join(', ')}` : 'accepts no parameters';
      throw new ApiError(400, 'unknown_parameter', `unknown parameter ${JSON.stringify(name.slice(0, 64))}: ${query?.openApiPath ?? route.path} ${accepted}`);
    }
    return next();
  };
}

/** The GET route a GET or HEAD request matched, as the router writes its path; undefined for other methods and wildcard routes. */
function declaredRoute(c: Context): { path: string } | undefined {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined;
  const route = matchedRoutes(c).find((r) => r.method === 'GET');
  return route && !route.path.includes('*') ? route : undefined;
}

/** Whether the route a request matched declares query parameter `name`. */
export function declaresQuery(c: Context, declared: ReadonlyMap<string, DeclaredQuery>, name: string): boolean {
  const route = declaredRoute(c);
  return route !== undefined && (declared.get(route.path)?.names.has(name) ?? false);
}
