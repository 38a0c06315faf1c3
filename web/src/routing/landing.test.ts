import { isRedirect } from '@tanstack/react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNavigation, isLanding, landingRedirect } from './landing.ts';

// The tab's token lives in sessionStorage, which Node lacks: a stand-in for these tests.
const stored = new Map<string, string>();
const original = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
beforeAll(() => {
  Object.defineProperty(globalThis, 'sessionStorage', {
    configurable: true,
    value: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) },
  });
});
afterAll(() => {
  if (original) Object.defineProperty(globalThis, 'sessionStorage', original);
  else Reflect.deleteProperty(globalThis, 'sessionStorage');
});

const redirectOptions = (searchStr: string, session: Parameters<typeof landingRedirect>[1]) => {
  const redirect = landingRedirect(searchStr, session);
  expect(isRedirect(redirect)).toBe(true);
  return (redirect as unknown as { options: { to: string; search: unknown; replace: boolean } }).options;
};

describe('landing on the token’s own scope', () => {
  it('lands a signed-in user who opens / only on the first page, not a preload or a shared Overview link', () => {
    const at = (searchStr: string, preload = false) => isLanding({ preload, location: { searchStr } });
    expect(at('')).toBe(false); // before any navigation
    countNavigation({ preload: true }); // a preload is not a page
    countNavigation({ preload: false });
    expect(at('')).toBe(false); // no token: the public's Overview
    stored.set('pathfinder.token', 'a-token');
    expect(at('', true)).toBe(false);
    expect(at('?parent=E54000029')).toBe(false); // a shared Overview link, old style
    expect(at('?icb=E54000029')).toBe(false);
    expect(at('?release=published-2025-06')).toBe(true);
    countNavigation({ preload: false }); // a later click on Overview
    expect(at('')).toBe(false);
  });

  it('sends an ICS token to Attention on its own ICB, the region to all London, in the release of the link', () => {
    expect(redirectOptions('?release=published-2025-06', { role: 'ics', icb: 'E54000029' })).toMatchObject({ to: '/attention', search: { release: 'published-2025-06', icb: 'E54000029' }, replace: true });
    expect(redirectOptions('', { role: 'region', icb: null })).toMatchObject({ to: '/attention', search: { release: undefined, icb: undefined } });
    expect(redirectOptions('', { role: 'ics', icb: 'E99999999' })).toMatchObject({ search: { icb: undefined } }); // not a London ICB: nothing to follow
    expect(redirectOptions('', undefined)).toMatchObject({ to: '/attention', search: { icb: undefined } }); // a refused token: Attention says why
  });
});
