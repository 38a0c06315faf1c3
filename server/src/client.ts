import { hc } from 'hono/client';
import type { AppType } from './app.ts';

export type { AppType };

/** The typed API client the web app uses; every request and response type comes from the routes. */
export const createApiClient = (baseUrl: string, options?: Parameters<typeof hc>[1]) => hc<AppType>(baseUrl, options);

export type ApiClient = ReturnType<typeof createApiClient>;
