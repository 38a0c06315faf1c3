import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, isRedirect, retainSearchParams } from '@tanstack/react-router';
import { areaProfileSearch, exploreSearch, indicatorSearch, overviewSearch, practiceSearch, rootSearch } from '@pathfinder/metrics';
import { areaChoice, chosenIcb, practicesIcb, renameOverviewParent, retainIcb, sessionIcb, shownArea } from './chosen-icb.ts';
import { parseSearch, stringifySearch, viewSearch } from './url-search.ts';

const NEL = 'E54000029';
const NCL = 'E54000028';

/** The app's routes as far as their search goes: the root keeps `release` and the chosen ICB on every link. */
async function router(initial: string) {
  const root = createRootRoute({ validateSearch: rootSearch, search: { middlewares: [retainSearchParams(['release']), retainIcb] } });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/', ...viewSearch(overviewSearch), }),
    createRoute({ getParentRoute: () => root, path: '/indicators/$id', ...viewSearch(indicatorSearch) }),
    createRoute({ getParentRoute: () => root, path: '/areas/$code', ...viewSearch(areaProfileSearch) }),
    createRoute({ getParentRoute: () => root, path: '/practices', ...viewSearch(practiceSearch) }),
    createRoute({ getParentRoute: () => root, path: '/explore', ...viewSearch(exploreSearch) }),
  ];
  const r = createRouter({ routeTree: root.addChildren(routes), history: createMemoryHistory({ initialEntries: [initial] }), parseSearch, stringifySearch });
  await r.load();
  return r;
}

describe('the chosen ICB follows the user', () => {
  it('is one London ICB, never a list or London itself', () => {
    expect(chosenIcb(NEL)).toBe(NEL);
    expect(chosenIcb(`${NEL},${NCL}`)).toBeUndefined();
    expect(chosenIcb('E12000007')).toBeUndefined();
    expect(chosenIcb(undefined)).toBeUndefined();
  });

  it('stays on every link that does not set it: to an indicator, its area’s profile, its practices and back to the Overview', async () => {
    const overview = await router(`/?icb=${NEL}&release=synthetic-1`);
    expect(overview.buildLocation({ to: '/indicators/$id', params: { id: 'imm-mmr1-24m' }, search: { comparator: 'london' } }).href).toBe(`/indicators/imm-mmr1-24m?icb=${NEL}&release=synthetic-1`);
    const indicator = await router(`/indicators/imm-mmr1-24m?icb=${NEL}&area=E09000025`);
    expect(indicator.buildLocation({ to: '/areas/$code', params: { code: 'E09000025' }, search: {} }).href).toBe(`/areas/E09000025?icb=${NEL}`);
    expect(indicator.buildLocation({ to: '/practices', search: { indicator: 'imm-mmr1-24m' } }).href).toBe(`/practices?icb=${NEL}`);
    expect(indicator.buildLocation({ to: '/' }).href).toBe(`/?icb=${NEL}`);
    // A view without an ICB of its own passes it on.
    const profile = await router(`/areas/E09000025?icb=${NEL}`);
    expect(profile.buildLocation({ to: '/practices' }).href).toBe(`/practices?icb=${NEL}`);
  });

  it('gives way to a link that sets its own ICB, or clears it', async () => {
    const overview = await router(`/?icb=${NEL}`);
    expect(overview.buildLocation({ to: '/', search: { icb: NCL } }).href).toBe(`/?icb=${NCL}`);
    expect(overview.buildLocation({ to: '/', search: { icb: undefined } }).href).toBe('/');
  });

  it('opens Explore on the ICB, and leaves Explore with it only when one ICB is selected there', async () => {
    expect((await router(`/?icb=${NEL}`)).buildLocation({ to: '/explore' }).href).toBe(`/explore?icb=${NEL}`);
    expect((await router(`/explore?icb=${NEL}`)).buildLocation({ to: '/' }).href).toBe(`/?icb=${NEL}`);
    expect((await router(`/explore?icb=${NEL}%2C${NCL}`)).buildLocation({ to: '/' }).href).toBe('/');
  });

  it('reads an old Overview link’s `parent` as the ICB, rewriting the address', () => {
    let thrown: unknown;
    try {
      renameOverviewParent({ search: { parent: NEL, comparator: 'england' } as { parent?: string; icb?: string } });
    } catch (e) {
      thrown = e;
    }
    expect(isRedirect(thrown)).toBe(true);
    expect((thrown as { options: unknown }).options).toMatchObject({ to: '/', search: { icb: NEL, parent: undefined, comparator: 'england' }, replace: true });
    expect(() => renameOverviewParent({ search: { icb: NEL } })).not.toThrow();
  });

  it('starts an ICS token on its own ICB, the Practices view on the URL’s, the token’s or North East London', () => {
    expect(sessionIcb({ role: 'ics', icb: NCL })).toBe(NCL);
    expect(sessionIcb({ role: 'region', icb: null })).toBeUndefined();
    expect(practicesIcb(undefined, { role: 'ics', icb: NCL })).toBe(NCL);
    expect(practicesIcb(NEL, { role: 'ics', icb: NCL })).toBe(NEL); // the page then says this token may not see it
    expect(practicesIcb(undefined, { role: 'region', icb: null })).toBe(NEL);
    expect(practicesIcb(undefined, undefined)).toBe(NEL);
  });

  it('writes an area picked on a view so the ICB follows: an ICB is the chosen ICB, a borough sits in its ICB, London clears it', () => {
    expect(areaChoice(NCL)).toEqual({ area: undefined, icb: NCL });
    expect(areaChoice('E09000025')).toEqual({ area: 'E09000025', icb: NEL }); // Newham
    expect(areaChoice('E12000007')).toEqual({ area: undefined, icb: undefined });
    expect(shownArea({})).toBe('E12000007');
    expect(shownArea({ icb: NEL })).toBe(NEL);
    expect(shownArea({ icb: NEL, area: 'E09000025' })).toBe('E09000025');
  });
});
