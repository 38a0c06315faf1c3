import { sign } from 'hono/jwt';
import type { Role } from './caller.ts';

/** Signs a local HS256 token for the embedded server (the `pathfinder token` command). */
export function issueToken(secret: string, claims: { role: Role; icb?: string; subject?: string; ttlSeconds: number; now?: number }): Promise<string> {
  const now = Math.floor((claims.now ?? Date.now()) / 1000);
  return sign({ sub: claims.subject ?? `local-${claims.role}`, role: claims.role, ...(claims.icb ? { icb: claims.icb } : {}), iat: now, exp: now + claims.ttlSeconds }, secret, 'HS256');
}
