import { problemSchema, type Problem } from '@pathfinder/metrics';
import { DetailedError } from 'hono/client';

/** An answer's body as the API's problem details (RFC 9457, `problemSchema`); null for anything else. */
export function parseProblem(body: unknown): Problem | null {
  const parsed = problemSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** The HTTP status and problem details of a failed API call; no status and no problem for other errors (network, bugs). */
export function apiProblem(error: Error): { status: number | undefined; problem: Problem | null } {
  if (!(error instanceof DetailedError)) return { status: undefined, problem: null };
  return { status: error.statusCode, problem: parseProblem((error.detail as { data?: unknown } | undefined)?.data) };
}

/** The most useful sentence an error carries: the API's problem detail (or title) when there is one. */
export function errorMessage(error: Error): string {
  const { problem } = apiProblem(error);
  return problem?.detail ?? problem?.title ?? error.message;
}

/** react-query retry policy: one retry for network and server failures; none for 4xx answers, which would only repeat. */
export function retryUnlessRefused(failureCount: number, error: Error): boolean {
  const { status } = apiProblem(error);
  return failureCount < 1 && (status === undefined || status >= 500);
}
