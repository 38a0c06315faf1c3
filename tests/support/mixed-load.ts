import autocannon from 'autocannon';
import type { ExpectedRequest } from './mixed-api-requests.ts';

/** What a mixed load got back. */
export interface MixedLoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Socket errors and timeouts, as autocannon counts them, by error code (or message). */
  readonly errors: Readonly<Record<string, number>>;
  readonly timeouts: number;
  /** Responses with a status other than the one their request must get, by path and status. */
  readonly unexpected: readonly { path: string; status: number; count: number }[];
  /** Paths that were never answered. */
  readonly unanswered: readonly string[];
}

/**
 * Runs autocannon against `baseUrl` for `seconds` with `connections` connections, each cycling
 * through `requests` in order, and checks every response's status against its request's.
 */
export async function mixedLoad(baseUrl: string, requests: readonly ExpectedRequest[], options: { seconds: number; connections: number; timeoutSeconds?: number }): Promise<MixedLoadResult> {
  const statuses = new Map<string, Map<number, number>>(requests.map((r) => [r.path, new Map()]));
  const errors: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        pipelining: 1,
        timeout: options.timeoutSeconds ?? 10,
        requests: requests.map((r) => ({
          method: 'GET' as const,
          path: r.path,
          onResponse: (status: number) => {
            const counts = statuses.get(r.path)!;
            counts.set(status, (counts.get(status) ?? 0) + 1);
          },
        })),
      },
      (error: unknown, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('reqError', (error: Error & { code?: string }) => {
      const kind = error.code ?? error.message;
      errors[kind] = (errors[kind] ?? 0) + 1;
    });
  });
  const unexpected = requests.flatMap((r) => [...statuses.get(r.path)!].filter(([status]) => status !== r.status).map(([status, count]) => ({ path: r.path, status, count })));
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors,
    timeouts: result.timeouts,
    unexpected,
    unanswered: requests.filter((r) => statuses.get(r.path)!.size === 0).map((r) => r.path),
  };
}
