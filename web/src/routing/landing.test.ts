import { isRedirect } from '@tanstack/react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNavigation, landOnAttention } from './landing.ts';

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

const thrown = (run: () => void): unknown => {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('landing on Attention', () => {
  it('sends a signed-in user who opens / to Attention, in the release of the link, only on the first page', () => {
    expect(thrown(() => landOnAttention({ preload: false, location: { searchStr: '' } }))).toBeUndefined(); // before any navigation
    countNavigation({ preload: true }); // a preload is not a page
    countNavigation({ preload: false });
    expect(thrown(() => landOnAttention({ preload: false, location: { searchStr: '' } }))).toBeUndefined(); // no token: the public's Overview
    stored.set('pathfinder.token', 'a-token');
    expect(thrown(() => landOnAttention({ preload: true, location: { searchStr: '' } }))).toBeUndefined();
    expect(thrown(() => landOnAttention({ preload: false, location: { searchStr: '?parent=E54000029' } }))).toBeUndefined(); // a shared Overview link
    const redirect = thrown(() => landOnAttention({ preload: false, location: { searchStr: '?release=published-2025-06' } }));
    expect(isRedirect(redirect)).toBe(true);
    expect((redirect as { options: { to: string; search: unknown } }).options).toMatchObject({ to: '/attention', search: { release: 'published-2025-06' } });
    countNavigation({ preload: false }); // a later click on Overview
    expect(thrown(() => landOnAttention({ preload: false, location: { searchStr: '' } }))).toBeUndefined();
  });
});
