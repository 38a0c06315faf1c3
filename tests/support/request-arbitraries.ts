import fc from 'fast-check';

/** A request for `app.request`: method, path with query, headers and an optional body. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Strings that break naive parsers, SQL, file paths and templating. */
const NASTY_STRINGS = [
  '..', '../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e%2f', '....//....//', '/etc/passwd', 'C:\\Windows\\win.ini',
  "' OR '1'='1", "1' OR 1=1 --", '1; DROP TABLE observations; --', "') UNION SELECT * FROM read_csv('/etc/passwd') --", "read_parquet('/')", '$1', '"; COPY areas TO \'/tmp/x\'; --',
  '%', '%%', '%zz', '%00', '%ff%fe', '%E0%A4%A', '\u0000', '\u202e', '\ufeff', '🦄', 'ﷺ', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, sent as literal text
  '<script>alert(1)</script>', '${jndi:ldap://x/a}', '{{7*7}}', '__proto__', 'constructor', 'NaN', 'Infinity', '-1', '1e309', '0x10', '[]', '{}', 'null', 'true',
  '2023/24 Q9', '2023/99', '9999-99', 'latest ', ' latest', 'deprivation:', ':', 'sex:F:M', 'E92000001,E12000007',
];

const VALID_VALUES = ['imm-mmr1-24m', 'htn-ttt-79', 'can-fds-28d', 'E09000001', 'E54000029', 'E12000007', 'E92000001', 'SYN0001', 'SYNP001', 'practice', 'pcn', 'borough', 'icb', 'region', 'england', 'latest', '2023/24', '2024/25 Q4', 'london', 'parent', 'total', 'deprivation:1', 'sex:F', 'csv', 'json', 'deprivation', 'ethnicity', 'immunisation', 'week', '2022'];
const PARAMETER_NAMES = ['areaType', 'type', 'parent', 'period', 'comparator', 'breakdown', 'format', 'area', 'from', 'to', 'by', 'indicator', 'domain', 'cohort', 'interval', 'asOf', 'id', 'code'];
const SEGMENTS = ['api', 'v1', 'indicators', 'areas', 'values', 'trend', 'funnel', 'inequality', 'profile', 'periods', 'overview', 'releases', 'current', 'healthz', 'openapi.json', 'docs', 'docs.js', 'campaigns', 'progress', 'cohorts', 'curve', 'extracts', 'immunisation-weekly.parquet'];

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const huge = fc.integer({ min: 1_000, max: 6_000 }).chain((n) => fc.constantFrom('a', '%', '😀', "'", '../').map((s) => s.repeat(Math.ceil(n / s.length))));

/** Any value a query parameter or path segment might get. */
const anyValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALID_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Mostly ordinary values, now and then one of a few thousand characters (the size limits' cases). */
const anyValueOrHuge = fc.oneof({ weight: 30, arbitrary: anyValue }, { weight: 1, arbitrary: huge });

/** Encoded as a browser would, or left raw (malformed escapes, stray `?`, `#`, `&` and `=` included). */
const encodedOrRaw = (value: fc.Arbitrary<string>) => fc.tuple(value, fc.boolean()).map(([v, raw]) => (raw ? v : encodeURIComponent(v)));

const path = fc.oneof(
  fc.array(encodedOrRaw(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SEGMENTS) }, { weight: 2, arbitrary: anyValue })), { minLength: 1, maxLength: 5 }).map((segments) => `/api/v1/${segments.join('/')}`),
  fc.tuple(fc.constantFrom('/api/v1/indicators/{}', '/api/v1/indicators/{}/values', '/api/v1/indicators/{}/trend', '/api/v1/indicators/{}/funnel', '/api/v1/indicators/{}/inequality', '/api/v1/areas/{}/profile', '/api/v1/cohorts/{}/curve', '/api/v1/campaigns/{}/progress', '/api/v1/extracts/{}'), encodedOrRaw(anyValue)).map(([template, value]) => template.replace('{}', value)),
);

const query = fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PARAMETER_NAMES) }, { weight: 1, arbitrary: anyValue }), anyValueOrHuge, fc.boolean()), { maxLength: 8 }).map((pairs) =>
  pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&'),
);

const fakeJwt = fc.tuple(fc.constantFrom('{"alg":"none","typ":"JWT"}', '{"alg":"HS256","typ":"JWT"}', '{"alg":"RS256","kid":"x"}', '{"alg":"HS512"}', 'not json'), fc.constantFrom('{"role":"admin","exp":9999999999}', '{"role":"ics","icb":"E54000029","exp":1}', '{}', '[]'), printable)
  .map(([h, p, s]) => `${Buffer.from(h).toString('base64url')}.${Buffer.from(p).toString('base64url')}.${s}`);

const someHeaders = fc.record(
  {
    Authorization: fc.oneof(printable, printable.map((t) => `Bearer ${t}`), fakeJwt.map((t) => `Bearer ${t}`), fc.constant('Bearer'), fc.constant('Basic dXNlcjpwYXNz')),
    'If-None-Match': printable,
    Origin: fc.oneof(fc.constant('https://evil.example'), fc.constant('null'), printable),
    Accept: fc.oneof(fc.constant('text/csv'), fc.constant('*/*'), printable),
    'Content-Type': fc.oneof(fc.constant('application/json'), printable),
    'X-Forwarded-For': printable,
    'Access-Control-Request-Method': fc.constantFrom('GET', 'DELETE', 'X'),
  },
  { requiredKeys: [] },
);
/** Most requests carry no headers, so they reach validation rather than stopping at a junk token. */
const headers = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: someHeaders });

/** A random request that is invalid in at least one way, or simply unexpected: the property is that nothing answers 5xx. */
export const invalidRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 2, arbitrary: fc.constantFrom('HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }),
    path,
    query: fc.option(query, { nil: undefined }),
    headers,
    body: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.integer({ min: 17_000, max: 40_000 }).map((n) => 'x'.repeat(n))), { nil: undefined }),
  })
  .map(({ method, path: p, query: q, headers: h, body }) => ({ method, url: q ? `${p}?${q}` : p, headers: h, ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}) }))
  .filter((r) => {
    try {
      new Request(`http://localhost${r.url}`, { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) });
      return true;
    } catch {
      return false;
    }
  });
