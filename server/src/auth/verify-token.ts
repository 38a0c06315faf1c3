import { decode, verify } from 'hono/jwt';
import { z } from 'zod';
import { ICBS } from '@pathfinder/metrics';
import { ROLES, type Caller } from './caller.ts';
import type { OidcVerifier } from './oidc-verifier.ts';

const claimsSchema = z
  .object({
    sub: z.string().min(1).optional(),
    role: z.enum(ROLES),
    icb: z.string().optional(),
    exp: z.number().int(),
  })
  .refine((c) => c.role !== 'ics' || ICBS.some((i) => i.code === c.icb), { message: 'an ics token needs the ONS code of a London ICB in `icb`' });

export class TokenError extends Error {}

/** What the server verifies tokens with: an HS256 secret (local tokens), an OIDC provider's keys (RS256), or both. */
export interface TokenKeys {
  readonly secret?: string | null | undefined;
  readonly oidc?: OidcVerifier | null | undefined;
}

/**
 * Verifies a bearer token and turns its claims into a Caller: HS256 with the configured secret, or
 * RS256 against the OIDC provider's JWKS; `exp` is required and enforced. Anything else — another
 * algorithm (HS512, none), a bad signature, an unknown key, missing claims — throws TokenError.
 */
export async function verifyToken(token: string, keys: TokenKeys): Promise<Caller> {
  let alg: unknown;
  try {
    alg = decode(token).header.alg;
  } catch {
    throw new TokenError('invalid token: not a JWT (header.payload.signature)');
  }
  let payload: unknown;
  try {
    if (alg === 'HS256' && keys.secret) payload = await verify(token, keys.secret, 'HS256');
    else if (alg === 'RS256' && keys.oidc) payload = await keys.oidc.verify(token);
    else throw new TokenError(`invalid token: algorithm ${JSON.stringify(alg)} is not accepted here (accepted: ${accepted(keys)})`);
  } catch (error) {
    if (error instanceof TokenError) throw error;
    // hono/jwt quotes the whole token in its messages ("token (eyJ…) expired"); an answer or a log must not echo it.
    throw new TokenError(`invalid token: ${error instanceof Error ? error.message.replaceAll(token, 'the token') : 'verification failed'}`);
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenError(`invalid token claims: ${claims.error.issues[0]?.message}`);
  return { role: claims.data.role, icb: claims.data.role === 'ics' ? claims.data.icb! : null, subject: claims.data.sub ?? null };
}

const accepted = (keys: TokenKeys) => [keys.secret ? 'HS256' : null, keys.oidc ? 'RS256' : null].filter(Boolean).join(', ') || 'none';
