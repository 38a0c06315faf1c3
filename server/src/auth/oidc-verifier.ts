import { readFile } from 'node:fs/promises';
import { verifyWithJwks } from 'hono/jwt';
import { z } from 'zod';

/** Verifies RS256 tokens of an OpenID Connect provider against its published keys; throws on any failure. */
export interface OidcVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}

export interface OidcOptions {
  /** Required `iss` claim, when set. */
  readonly issuer?: string | undefined;
  /** Required `aud` claim (one of), when set. */
  readonly audience?: string | undefined;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/** Keys are re-read after this long, and at most this often when a token names an unknown `kid`. */
type Jwk = NonNullable<Parameters<typeof verifyWithJwks>[1]['keys']>[number];

const MAX_AGE_MS = 10 * 60_000;
const MIN_REFRESH_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
const rsaPublicKeySchema = z.object({ kty: z.literal('RSA'), kid: z.string().min(1), n: z.string().min(1), e: z.string().min(1), alg: z.literal('RS256').optional(), use: z.literal('sig').optional() });

/**
 * Opens the JWKS at `source` (a file path, or a URL fetched by this server) and checks it now, so a
 * misconfiguration stops the server at start. Only RSA signing keys with a `kid` are used; a JWKS
 * holding a private key is refused. Keys are cached and re-read when a token names a `kid` not
 * seen yet (key rotation) or after ten minutes.
 */
export async function openOidcVerifier(source: string, options: OidcOptions = {}): Promise<OidcVerifier> {
  const isUrl = /^https?:\/\//i.test(source);
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const read = async (): Promise<unknown> => {
    if (!isUrl) return JSON.parse(await readFile(source, 'utf8'));
    const response = await fetcher(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`JWKS ${source} answered HTTP ${response.status}`);
    return response.json();
  };
  const load = async (): Promise<Jwk[]> => {
    let document: unknown;
    try {
      document = await read();
    } catch (error) {
      throw new Error(`cannot read the JWKS at ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return signingKeys(document, source);
  };

  let keys = await load();
  let loadedAt = now();
  const refresh = async (force: boolean) => {
    const age = now() - loadedAt;
    if (age < MIN_REFRESH_MS || (!force && age < MAX_AGE_MS)) return;
    loadedAt = now();
    try {
      keys = await load();
    } catch (error) {
      // Keep verifying with the keys we have; an unreachable provider must not log everyone out.
      console.error(JSON.stringify({ level: 'error', msg: 'JWKS refresh failed', error: String(error) }));
    }
  };
  const verification = { ...(options.issuer ? { iss: options.issuer } : {}), ...(options.audience ? { aud: options.audience } : {}) };

  return {
    async verify(token) {
      await refresh(false);
      const kid = kidOf(token);
      if (kid !== null && !keys.some((k) => (k as { kid?: string }).kid === kid)) await refresh(true);
      return (await verifyWithJwks(token, { keys, allowedAlgorithms: ['RS256'], verification })) as Record<string, unknown>;
    },
  };
}

function signingKeys(document: unknown, source: string): Jwk[] {
  const parsed = jwksSchema.safeParse(document);
  if (!parsed.success) throw new Error(`the JWKS at ${source} has no "keys" array`);
  if (parsed.data.keys.some((k) => 'd' in k || 'p' in k || 'k' in k)) throw new Error(`the JWKS at ${source} holds private or symmetric key material: publish only public keys`);
  const usable = parsed.data.keys.filter((k) => rsaPublicKeySchema.safeParse(k).success) as Jwk[];
  if (usable.length === 0) throw new Error(`the JWKS at ${source} has no RSA signing key with a kid (RS256)`);
  return usable;
}

function kidOf(token: string): string | null {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : null;
  } catch {
    return null;
  }
}
