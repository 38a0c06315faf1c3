import { verify } from 'hono/jwt';
import { z } from 'zod';
import { ICBS } from '@pathfinder/metrics';
import { ROLES, type Caller } from './caller.ts';

const claimsSchema = z
  .object({
    sub: z.string().min(1).optional(),
    role: z.enum(ROLES),
    icb: z.string().optional(),
    exp: z.number().int(),
  })
  .refine((c) => c.role !== 'ics' || ICBS.some((i) => i.code === c.icb), { message: 'an ics token needs the ONS code of a London ICB in `icb`' });

export class TokenError extends Error {}

/**
 * Verifies a bearer token (HS256 with the configured secret; `exp` required and enforced) and turns
 * its claims into a Caller. Anything else — another algorithm, a bad signature, missing claims —
 * throws TokenError.
 */
export async function verifyToken(token: string, secret: string): Promise<Caller> {
  let payload: unknown;
  try {
    payload = await verify(token, secret, 'HS256');
  } catch (error) {
    throw new TokenError(`invalid token: ${error instanceof Error ? error.message : 'verification failed'}`);
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenError(`invalid token claims: ${claims.error.issues[0]?.message}`);
  return { role: claims.data.role, icb: claims.data.role === 'ics' ? claims.data.icb! : null, subject: claims.data.sub ?? null };
}
