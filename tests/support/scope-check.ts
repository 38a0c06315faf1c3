import type { DataStore } from '@pathfinder/server';
import type { TestCaller } from './callers.ts';

/** The ICB of every practice and PCN of the release, by code. */
export function practiceAndPcnIcbs(store: DataStore): ReadonlyMap<string, string> {
  const areas = store.current().areas;
  return new Map([...areas.list('practice'), ...areas.list('pcn')].map((a) => [a.code, a.icbCode ?? '']));
}

/**
 * Practice and PCN codes anywhere in a response body (JSON or CSV, any field, names included via
 * their codes) that the caller may not see: any for the public, other ICBs' for an ics caller.
 */
function outOfScopeCodes(body: string, caller: TestCaller, icbOf: ReadonlyMap<string, string>): string[] {
  if (caller.role === 'region' || caller.role === 'admin') return [];
  const found = new Set<string>();
  for (const token of body.match(/[A-Za-z0-9]+/g) ?? []) {
    const icb = icbOf.get(token);
    if (icb !== undefined && (caller.role === 'public' || icb !== caller.icb)) found.add(token);
  }
  return [...found];
}

/** `outOfScopeCodes` of an answer, except that a refusal may name the code the request itself asked for (the caller's input, not data). */
export function leakedCodes(url: string, status: number, body: string, caller: TestCaller, icbOf: ReadonlyMap<string, string>): string[] {
  return outOfScopeCodes(body, caller, icbOf).filter((code) => status < 400 || !url.includes(code));
}
