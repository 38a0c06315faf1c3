import { stripSearchParams } from '@tanstack/react-router';
import { searchDefaults } from '@pathfinder/metrics';
import type { z } from 'zod';

/**
 * The query string as plain strings, as the dashboard has always written it ("period=2023%2F24+Q2"),
 * so shared links keep their meaning: the router's default would read "q=2" as a number and write
 * strings that look like JSON in quotes.
 */
export const parseSearch = (searchStr: string): Record<string, string> => Object.fromEntries(new URLSearchParams(searchStr));

/** "?a=1&b=2" in the object's key order, leaving out empty values; "" when nothing is left. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A view's search options: its schema from metrics, and its defaults kept out of the URL. */
export function viewSearch<S extends z.ZodObject>(schema: S) {
  return { validateSearch: schema, search: { middlewares: [stripSearchParams<z.infer<S>>(searchDefaults(schema))] } };
}
