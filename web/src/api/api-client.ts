import { hc, parseResponse } from 'hono/client';
import type { AppType } from '@pathfinder/server/client';
import { accessToken } from './access-token.ts';

/** The typed client for this origin's API; sends the tab's token when there is one. */
export const api = hc<AppType>(window.location.origin, {
  headers: (): Record<string, string> => {
    const token = accessToken.get();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
});

/** Awaits a typed client call and returns its JSON, throwing on any non-2xx so react-query sees the error. */
export const fetchJson = parseResponse;
