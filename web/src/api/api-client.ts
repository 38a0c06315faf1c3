import { hc, parseResponse, type ClientResponse } from 'hono/client';
import type { StatusCode, SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '@pathfinder/server/client';
import { accessToken } from './access-token.ts';

/** The typed client for this origin's API; sends the tab's token when there is one. */
export const api = hc<AppType>(window.location.origin, {
  headers: (): Record<string, string> => {
    const token = accessToken.get();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
});

/**
 * The JSON bodies of a call's successful answers. Routes with `format` also declare their text/csv
 * answer; the dashboard links to CSVs as downloads and never fetches them, so they are left out
 * (@hono/zod-openapi types such a 200 as JSON | string, the union of both schemas, plus an untyped
 * Response for the text/csv variant).
 */
export type JsonAnswer<Answer> = Answer extends ClientResponse<infer Body, infer Status, 'json'> ? (Status extends SuccessStatusCode ? Exclude<Body, string | Response> : never) : never;

/** Awaits a typed client call and returns its JSON, throwing on any non-2xx so react-query sees the error, and on a non-JSON answer. */
export async function fetchJson<Answer extends ClientResponse<unknown, StatusCode, string>>(call: Promise<Answer>): Promise<JsonAnswer<Answer>> {
  const body: unknown = await parseResponse(call);
  if (typeof body === 'string') throw new TypeError('expected a JSON answer, got text: CSV answers are downloads, not fetched');
  return body as JsonAnswer<Answer>;
}
