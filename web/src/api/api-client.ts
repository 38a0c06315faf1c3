import { parseResponse } from 'hono/client';
import { createApiClient } from '@pathfinder/server/client';

/** The typed client for this origin's API. */
export const api = createApiClient(window.location.origin);

/** Awaits a typed client call and returns its JSON, throwing on any non-2xx so react-query sees the error. */
export const fetchJson = parseResponse;
