import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeModules } from './route-preloads.ts';

const ROUTE_TREE = path.resolve(import.meta.dirname, '../src/routing/route-tree.tsx');

describe('routeModules', () => {
  it('finds every route of the route tree and the view module it loads, which exists', () => {
    const source = readFileSync(ROUTE_TREE, 'utf8');
    const routes = routeModules(source, path.dirname(ROUTE_TREE));
    // Every createRoute call of the tree has a path and a lazy view: none is missed.
    expect(routes).toHaveLength(source.match(/\bcreateRoute\(/g)!.length);
    expect(routes.find((r) => r.path === '/indicators/$id')?.module).toBe(path.resolve(ROUTE_TREE, '../../views/indicator-page.tsx'));
    for (const route of routes) expect(existsSync(route.module), route.module).toBe(true);
  });

  it('leaves out a route without a lazy view, and resolves ./ and ../', () => {
    const source = `createRoute({ path: '/a', component: A }); createRoute({ path: '/b/$id', component: lazyRouteComponent(() => import('./b.tsx')) });
      createRoute({ path: '/c', component: lazyRouteComponent(() => import('../views/c.tsx')) })`;
    expect(routeModules(source, '/app/src/routing')).toEqual([
      { path: '/b/$id', module: '/app/src/routing/b.tsx' },
      { path: '/c', module: '/app/src/views/c.tsx' },
    ]);
  });
});
