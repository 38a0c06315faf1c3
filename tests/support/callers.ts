import { ICBS } from '@pathfinder/metrics';
import type { Role } from '@pathfinder/server';

/** Someone calling the API: a role, and for `ics` the ICB their token names. */
export interface TestCaller {
  readonly name: string;
  readonly role: Role;
  readonly icb: string | null;
}

/** Every kind of caller: the public (no token), an ics user of each London ICB, region and admin. */
export const ALL_CALLERS: readonly TestCaller[] = [
  { name: 'public', role: 'public', icb: null },
  ...ICBS.map((i) => ({ name: `ics ${i.code}`, role: 'ics' as const, icb: i.code })),
  { name: 'region', role: 'region', icb: null },
  { name: 'admin', role: 'admin', icb: null },
];

/** Authorization headers for a caller, given a token issuer (the test release's `token`). */
export async function authHeaders(caller: TestCaller, token: (role: Role, icb?: string) => Promise<string>): Promise<Record<string, string>> {
  if (caller.role === 'public') return {};
  return { Authorization: `Bearer ${await token(caller.role, caller.icb ?? undefined)}` };
}
