import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'hono/jwt';
import { openOidcVerifier, type OidcVerifier } from './oidc-verifier.ts';
import { TokenError, verifyToken } from './verify-token.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const exp = () => Math.floor(Date.now() / 1000) + 600;

/** An RSA key pair as JWKs, as an identity provider would hold it (private) and publish it (public). */
function rsaKey(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    private: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' },
    public: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}

let dir: string;
let jwksFile: string;
let oidc: OidcVerifier;
const provider = rsaKey('provider-1');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pf-jwks-'));
  jwksFile = path.join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify({ keys: [provider.public, { kty: 'EC', kid: 'ec-1', crv: 'P-256', x: 'AA', y: 'AA' }] }));
  oidc = await openOidcVerifier(jwksFile);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const rs256 = (claims: Parameters<typeof sign>[0], key = provider.private) => sign(claims, key as never, 'RS256');

describe('verifyToken', () => {
  it('accepts an HS256 token signed with the secret and an RS256 token from the OIDC provider', async () => {
    expect(await verifyToken(await sign({ sub: 'a', role: 'region', exp: exp() }, SECRET, 'HS256'), { secret: SECRET, oidc })).toEqual({ role: 'region', icb: null, subject: 'a' });
    expect(await verifyToken(await rs256({ sub: 'oidc-user', role: 'ics', icb: 'E54000029', exp: exp() }), { secret: SECRET, oidc })).toEqual({ role: 'ics', icb: 'E54000029', subject: 'oidc-user' });
  });

  it.each([
    ['RS256 signed by another key with the same kid', async () => rs256({ role: 'admin', exp: exp() }, rsaKey('provider-1').private), /signature/i],
    ['RS256 with a kid the JWKS does not have', async () => rs256({ role: 'admin', exp: exp() }, rsaKey('made-up').private), /invalid token/],
    ['HS512 with the right secret', async () => sign({ role: 'admin', exp: exp() }, SECRET, 'HS512'), /algorithm "HS512" is not accepted here \(accepted: HS256, RS256\)/],
    ['HS256 signed with the public key as its secret (algorithm confusion)', async () => sign({ role: 'admin', exp: exp() }, JSON.stringify(provider.public), 'HS256'), /signature/i],
    ['expired RS256', async () => rs256({ role: 'admin', exp: Math.floor(Date.now() / 1000) - 5 }), /expired/i],
  ])('refuses %s', async (_name, make, message) => {
    await expect(verifyToken(await make(), { secret: SECRET, oidc })).rejects.toThrow(message);
  });

  it('never quotes the token in its refusal (it reaches answers and logs)', async () => {
    const expired = await sign({ role: 'admin', exp: Math.floor(Date.now() / 1000) - 5 }, SECRET, 'HS256');
    const refusal = (await verifyToken(expired, { secret: SECRET }).catch((error: unknown) => error)) as Error;
    expect(refusal).toBeInstanceOf(TokenError);
    expect(refusal.message).toMatch(/expired/);
    expect(refusal.message).not.toContain(expired);
    expect(refusal.message).not.toContain(expired.split('.')[1]!);
  });

  describe('accepts only the canonical base64url text of a valid signature', () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const withSignature = (token: string, change: (signature: string) => string) => {
      const [header, payload, signature] = token.split('.') as [string, string, string];
      return `${header}.${payload}.${change(signature)}`;
    };
    // An HS256 signature is 32 bytes: 43 characters whose last carries 2 unused bits.
    const spareBits = (signature: string) => signature.slice(0, -1) + ALPHABET[ALPHABET.indexOf(signature.at(-1)!) ^ 1];
    const toBase64 = (signature: string) => signature.replaceAll('-', '+').replaceAll('_', '/');

    it.each([
      ['padded with =', (signature: string) => `${signature}=`],
      ['in base64 with + and /', toBase64],
      ['with the unused bits of its last character set', spareBits],
    ])('refuses the signature %s', async (_name, change) => {
      let token = await sign({ role: 'admin', exp: exp() }, SECRET, 'HS256');
      // Tokens are random in their signature; make sure this one has a - or _ for the base64 case to change.
      for (let i = 0; !/[-_]/.test(token.split('.')[2]!) && i < 100; i++) token = await sign({ role: 'admin', exp: exp(), n: i }, SECRET, 'HS256');
      expect(await verifyToken(token, { secret: SECRET })).toMatchObject({ role: 'admin' });
      const changed = withSignature(token, change);
      expect(changed).not.toBe(token);
      expect(Buffer.from(changed.split('.')[2]!, 'base64')).toEqual(Buffer.from(token.split('.')[2]!, 'base64url'));
      await expect(verifyToken(changed, { secret: SECRET })).rejects.toThrow(/invalid token: (not a JWT|the signature is not canonical)/);
    });
  });

  it.each([
    ['expired', { role: 'admin', exp: Math.floor(Date.now() / 1000) - 5 }, SECRET],
    ['signed with another secret', { role: 'admin', exp: exp() }, 'another-secret-of-at-least-32-characters'],
    ['issued in the future', { role: 'admin', exp: exp(), iat: Math.floor(Date.now() / 1000) + 3600 }, SECRET],
    ['not valid yet', { role: 'admin', exp: exp(), nbf: Math.floor(Date.now() / 1000) + 3600 }, SECRET],
  ])('quotes no part of a token %s in its refusal', async (_name, claims, secret) => {
    const token = await sign(claims, secret, 'HS256');
    const refusal = (await verifyToken(token, { secret: SECRET }).catch((error: unknown) => error)) as Error;
    expect(refusal).toBeInstanceOf(TokenError);
    for (const part of token.split('.')) expect(refusal.message).not.toContain(part);
  });

  it('refuses RS256 when no JWKS is configured and HS256 when no secret is', async () => {
    await expect(verifyToken(await rs256({ role: 'admin', exp: exp() }), { secret: SECRET })).rejects.toThrow('algorithm "RS256" is not accepted here (accepted: HS256)');
    await expect(verifyToken(await sign({ role: 'admin', exp: exp() }, SECRET, 'HS256'), { oidc })).rejects.toThrow(TokenError);
  });
});

describe('openOidcVerifier', () => {
  it('checks issuer and audience when configured', async () => {
    const strict = await openOidcVerifier(jwksFile, { issuer: 'https://login.example.org', audience: 'pathfinder' });
    const good = await rs256({ role: 'region', exp: exp(), iss: 'https://login.example.org', aud: 'pathfinder' });
    expect(await verifyToken(good, { oidc: strict })).toMatchObject({ role: 'region' });
    await expect(verifyToken(await rs256({ role: 'region', exp: exp(), iss: 'https://login.example.org', aud: 'another-app' }), { oidc: strict })).rejects.toThrow(/aud/i);
    await expect(verifyToken(await rs256({ role: 'region', exp: exp(), iss: 'https://evil.example', aud: 'pathfinder' }), { oidc: strict })).rejects.toThrow(/iss/i);
  });

  it('refuses a JWKS holding a private key, or no RSA signing key', async () => {
    const leaked = path.join(dir, 'private.json');
    await writeFile(leaked, JSON.stringify({ keys: [provider.private] }));
    await expect(openOidcVerifier(leaked)).rejects.toThrow('holds private or symmetric key material');
    const empty = path.join(dir, 'empty.json');
    await writeFile(empty, JSON.stringify({ keys: [] }));
    await expect(openOidcVerifier(empty)).rejects.toThrow('has no RSA signing key with a kid');
    await expect(openOidcVerifier(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read the JWKS at .*missing.json/);
  });

  it('fetches a JWKS URL, and again when a token names a new kid (key rotation)', async () => {
    const rotated = rsaKey('provider-2');
    let keys = [provider.public];
    let fetches = 0;
    let now = 0;
    const fetchJwks = (async () => {
      fetches++;
      return new Response(JSON.stringify({ keys }), { headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const verifier = await openOidcVerifier('https://login.example.org/jwks', { fetch: fetchJwks, now: () => now });
    expect(fetches).toBe(1);
    keys = [provider.public, rotated.public];
    now += 60_000;
    expect(await verifyToken(await rs256({ role: 'region', exp: exp() }, rotated.private), { oidc: verifier })).toMatchObject({ role: 'region' });
    expect(fetches).toBe(2);
    expect(await verifyToken(await rs256({ role: 'region', exp: exp() }), { oidc: verifier })).toMatchObject({ role: 'region' });
    expect(fetches).toBe(2);
  });
});
