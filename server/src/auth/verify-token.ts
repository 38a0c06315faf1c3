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
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new TokenError('invalid token: not a JWT (three base64url parts without padding, joined by dots)');
  // Decoders ignore `=`, `+`, `/` and the unused bits of the last character, so several texts carry one signature; only the one canonical text is accepted.
  if (Buffer.from(parts[2]!, 'base64url').toString('base64url') !== parts[2]) throw new TokenError('invalid token: the signature is not canonical base64url');
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
    else throw new TokenError(`invalid token: algorithm ${typeof alg === 'string' ? JSON.stringify(alg.slice(0, 16)) : 'missing'} is not accepted here (accepted: ${accepted(keys)})`);
  } catch (error) {
    if (error instanceof TokenError) throw error;
    throw new TokenError(`invalid token: ${refusalOf(error)}`);
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenError(`invalid token claims: ${claims.error.issues[0]?.message}`);
  return { role: claims.data.role, icb: claims.data.role === 'ics' ? claims.data.icb! : null, subject: claims.data.sub ?? null };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Why verification failed, in our words: hono/jwt's messages quote the whole token, its header or
 * its payload ("token (eyJ…) expired"), and a refusal reaches answers and logs.
 */
const REFUSALS: Record<string, string> = {
  JwtTokenExpired: 'expired',
  JwtTokenNotBefore: 'not valid yet (nbf)',
  JwtTokenIssuedAt: 'issued in the future (iat)',
  JwtTokenIssuer: 'wrong issuer (iss)',
  JwtTokenAudience: 'wrong audience (aud)',
  JwtPayloadRequiresAud: 'no audience (aud)',
  JwtTokenSignatureMismatched: 'signature mismatch',
  JwtHeaderRequiresKid: 'no key id (kid) in its header',
  JwtAlgorithmNotAllowed: 'algorithm not accepted',
  JwtAlgorithmMismatch: 'algorithm not accepted',
};

const refusalOf = (error: unknown): string => (error instanceof Error ? REFUSALS[error.name] : undefined) ?? 'verification failed';

const accepted = (keys: TokenKeys) => [keys.secret ? 'HS256' : null, keys.oidc ? 'RS256' : null].filter(Boolean).join(', ') || 'none';
