import { z } from 'zod';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An exact origin (scheme://host[:port]); a wildcard is refused because the API serves scoped data. */
const originSchema = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, { error: (issue) => (issue.input === '*' ? 'a wildcard is not allowed: list each origin' : `${JSON.stringify(issue.input)} is not an origin like https://dashboard.example.org (scheme, host and port only)`) });

const originListSchema = z
  .string()
  .default('')
  .transform((text) => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(z.array(originSchema));

/** An SMTP server: smtp:// (STARTTLS when offered) or smtps:// (TLS), with credentials in the URL when it needs them. */
const smtpUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}, { message: 'must be an smtp:// or smtps:// URL like smtps://user:password@mail.example.org:465' });

/** A file path, or an https URL (http only for a local development identity provider). */
const jwksSourceSchema = z.string().min(1).refine((value) => {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}, { message: 'must be a file path or an https:// URL of a JWKS (http:// only for localhost)' });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  PATHFINDER_DATA: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
  PATHFINDER_TOKEN_SECRET: z.string().min(32, { message: 'must be at least 32 characters (it signs HS256 tokens)' }).optional(),
  PATHFINDER_JWKS: jwksSourceSchema.optional(),
  PATHFINDER_JWT_ISSUER: z.string().min(1).optional(),
  PATHFINDER_JWT_AUDIENCE: z.string().min(1).optional(),
  CORS_ORIGINS: originListSchema,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0, { message: 'must be a whole number ≥ 0 (0 turns rate limiting off)' }).default(600),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  /**
   * Threads each open release's DuckDB may use; absent, one per core. One where several servers or
   * processes share the cores (the test suite's two workers): threads that wait for each other on
   * small queries cost more CPU than they save.
   */
  DUCKDB_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  /** Memory the answer cache may hold (MiB); 0 keeps nothing. */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  AUDIT_LOG: z.string().min(1).optional(),
  /** GeoJSON replacing the bundled ONS borough boundaries. */
  BOUNDARIES_FILE: z.string().min(1).optional(),
  /** GeoJSON replacing the bundled ONS ICB boundaries. */
  ICB_BOUNDARIES_FILE: z.string().min(1).optional(),
  /** Where the dashboard is reached from outside (an origin), for absolute links in the Atom feed, webhooks and emails. */
  PUBLIC_URL: originSchema.optional(),
  /** Sends the alert digests of subscriptions with an email; absent, no email is sent. */
  SMTP_URL: smtpUrlSchema.optional(),
  /** Who alert emails come from. */
  ALERTS_FROM: z.email({ message: 'must be an email address' }).default('pathfinder-monitor@localhost'),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** Parses the process environment once; a bad value fails fast, naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `invalid environment variable ${issue.path.slice(0, 1).join('.')}: ${issue.message}`);
    throw new Error(problems.join('\n'));
  }
  return parsed.data;
}
