import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { indicatorSearch } from '@pathfinder/metrics';
import { parseSearch, stringifySearch, viewSearch } from './url-search.ts';

/** A router with the Indicator view's search options, as the app declares them. */
function indicatorRouter(initial = '/') {
  const rootRoute = createRootRoute();
  const indicatorRoute = createRoute({ getParentRoute: () => rootRoute, path: '/indicators/$id', ...viewSearch(indicatorSearch) });
  return createRouter({ routeTree: rootRoute.addChildren([indicatorRoute]), history: createMemoryHistory({ initialEntries: [initial] }), parseSearch, stringifySearch });
}

describe('search parameters in the URL', () => {
  it('reads every value as the string it is, as links have always been written', () => {
    expect(parseSearch('?q=2,1&period=2023%2F24+Q2&sql=1')).toEqual({ q: '2,1', period: '2023/24 Q2', sql: '1' });
  });

  it('writes values in order and leaves out empty ones', () => {
    expect(stringifySearch({ period: '2023/24 Q2', area: undefined, q: '', from: '2023-01' })).toBe('?period=2023%2F24+Q2&from=2023-01');
    expect(stringifySearch({ area: undefined })).toBe('');
  });

  it('leaves a view’s defaults out of its links, keeping what differs from them', () => {
    const router = indicatorRouter();
    const link = router.buildLocation({ to: '/indicators/$id', params: { id: 'imm-mmr1-24m' }, search: { area: 'E09000012', comparator: 'london', areaType: 'borough', map: 'tiles' } });
    expect(link.href).toBe('/indicators/imm-mmr1-24m?area=E09000012&map=tiles');
  });

  it('reads a shared link with the defaults filled in and a value it does not understand replaced, and writes the next state without them', () => {
    const router = indicatorRouter('/indicators/imm-mmr1-24m?area=E09000012&map=hexagons');
    expect(router.matchRoutes(router.latestLocation).at(-1)?.search).toEqual({ area: 'E09000012', map: 'boundaries', period: 'latest', areaType: 'borough', comparator: 'london', colour: 'comparison', sort: 'value' });
    const next = router.buildLocation({ to: '.', search: (previous) => ({ ...previous, sort: 'name' }) });
    expect(next.href).toBe('/indicators/imm-mmr1-24m?area=E09000012&sort=name');
  });
});
