import { gunzipSync } from 'node:zlib';
import { ContractChecker, type Exchange } from './openapi-conformance.ts';

/** Where the app serves its own OpenAPI document. */
export const OPENAPI_PATH = '/api/v1/openapi.json';

/** Answers whose bodies are read and checked; others (Parquet files) are checked by status and type only. */
const TEXT_MEDIA = /^(application\/(?:[\w.-]+\+)?json|text\/)/;

type RequestFn = (input: string | Request | URL, init?: RequestInit, ...rest: never[]) => Response | Promise<Response>;

/**
 * Checks every answer of the in-process apps it wraps against their own OpenAPI document (the one
 * served at /api/v1/openapi.json), so every request a test makes is also a contract test. Checks
 * run beside the test, on a copy of each answer; `violations()` waits for them.
 */
export class ContractRecorder {
  private checker: Promise<ContractChecker> | undefined;
  private readonly pending = new Set<Promise<void>>();
  private readonly found: string[] = [];
  private checked = 0;

  /** `app`, whose `request` now also records each answer. */
  wrap<App extends { request: RequestFn }>(app: App): App {
    const request = app.request.bind(app) as RequestFn;
    this.checker ??= Promise.resolve(request(OPENAPI_PATH)).then(async (res) => ContractChecker.of(await res.json()));
    const wrapped: RequestFn = async (input, init, ...rest) => {
      // The body is recorded before the app reads it (a Request's body is a stream, read once).
      const requestBody = input instanceof Request ? (input.body ? await input.clone().text() : null) : typeof init?.body === 'string' ? init.body : null;
      const res = await request(input, init, ...rest);
      this.record(exchangeRequest(input, init), requestBody, res.clone());
      return res;
    };
    app.request = wrapped as App['request'];
    return app;
  }

  /** Every violation found so far, once the checks under way have finished, and how many answers were checked. */
  async violations(): Promise<{ checked: number; violations: readonly string[] }> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    return { checked: this.checked, violations: this.found };
  }

  private record(request: Request, requestBody: string | null, res: Response): void {
    const check = (async () => {
      const contentType = res.headers.get('content-type');
      const readable = request.method !== 'HEAD' && TEXT_MEDIA.test(contentType ?? '');
      // Not awaited: a branch of a teed body settles its cancel only once the test reads or cancels the other.
      if (!readable) void res.body?.cancel().catch(() => {});
      const body = readable ? await textOf(res) : null;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const exchange: Exchange = { method: request.method, url: request.url.slice(request.url.indexOf('/', 8)), headers, requestBody, status: res.status, contentType, body };
      this.found.push(...(await this.checker!).violations(exchange));
      this.checked++;
    })().catch((error: unknown) => {
      this.found.push(`${request.method} ${request.url}: could not be checked (${error instanceof Error ? error.message : String(error)})`);
    });
    this.pending.add(check);
    void check.finally(() => this.pending.delete(check));
  }
}

/** The method, URL and headers of what `app.request` was given (its body, a stream, is the app's to read; a string body is recorded beside). */
function exchangeRequest(input: string | Request | URL, init?: RequestInit): Request {
  if (input instanceof Request) return new Request(input.url, { method: input.method, headers: input.headers });
  const url = new URL(String(input), 'http://localhost');
  return new Request(url, { method: init?.method ?? 'GET', headers: init?.headers ?? {} });
}

/** An answer's text as the client reads it: cached answers come gzip-compressed to a client that accepts it, and `app.request` does not decompress. */
async function textOf(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  return (res.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
}
