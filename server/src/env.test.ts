import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('defaults to port 8787 and the .data directory', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 8787, PATHFINDER_DATA: '.data' });
  });
  it('takes PORT from the environment', () => expect(parseEnv({ PORT: '9000' }).PORT).toBe(9000));
  it('fails fast naming a bad variable', () => expect(() => parseEnv({ PORT: 'abc' })).toThrow(/invalid environment variable PORT/));
});

describe('parseEnv: security settings', () => {
  it('splits CORS_ORIGINS into exact origins', () => {
    expect(parseEnv({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://a.example.org', 'http://localhost:5173']);
    expect(parseEnv({}).CORS_ORIGINS).toEqual([]);
  });

  it.each([
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS: a wildcard is not allowed/],
    [{ CORS_ORIGINS: 'https://a.example.org/path' }, /CORS_ORIGINS: "https:\/\/a.example.org\/path" is not an origin/],
    [{ PATHFINDER_TOKEN_SECRET: 'short' }, /PATHFINDER_TOKEN_SECRET: must be at least 32 characters/],
    [{ PATHFINDER_JWKS: 'http://idp.example.org/jwks.json' }, /PATHFINDER_JWKS: must be a file path or an https:\/\/ URL/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE/],
    [{ QUERY_TIMEOUT_MS: '0' }, /QUERY_TIMEOUT_MS/],
    [{ RESPONSE_CACHE_MB: '-1' }, /RESPONSE_CACHE_MB/],
    [{ DUCKDB_THREADS: '0' }, /DUCKDB_THREADS/],
    [{ PUBLIC_URL: 'https://dashboard.example.org/app' }, /PUBLIC_URL: "https:\/\/dashboard.example.org\/app" is not an origin/],
    [{ SMTP_URL: 'http://mail.example.org' }, /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: 'mail.example.org:25' }, /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ ALERTS_FROM: 'not an address' }, /ALERTS_FROM: must be an email address/],
  ])('refuses %j naming the key', (source, message) => expect(() => parseEnv(source)).toThrow(message));

  it('takes a JWKS path, an https JWKS URL and a local http one', () => {
    expect(parseEnv({ PATHFINDER_JWKS: '/etc/pathfinder/jwks.json' }).PATHFINDER_JWKS).toBe('/etc/pathfinder/jwks.json');
    expect(parseEnv({ PATHFINDER_JWKS: 'https://login.example.org/keys' }).PATHFINDER_JWKS).toBe('https://login.example.org/keys');
    expect(parseEnv({ PATHFINDER_JWKS: 'http://localhost:8080/keys' }).PATHFINDER_JWKS).toBe('http://localhost:8080/keys');
  });

  it('defaults to 600 requests a minute, a 10 s query timeout and a 64 MiB answer cache', () => {
    expect(parseEnv({})).toMatchObject({ RATE_LIMIT_PER_MINUTE: 600, QUERY_TIMEOUT_MS: 10_000, RESPONSE_CACHE_MB: 64 });
  });
});

describe('parseEnv: alert delivery settings', () => {
  it('takes an SMTP URL with credentials and a public origin', () => {
    const env = parseEnv({ SMTP_URL: 'smtps://alerts:secret@mail.example.org:465', PUBLIC_URL: 'https://dashboard.example.org' });
    expect(env).toMatchObject({ SMTP_URL: 'smtps://alerts:secret@mail.example.org:465', PUBLIC_URL: 'https://dashboard.example.org', ALERTS_FROM: 'pathfinder-monitor@localhost' });
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
  });
});
