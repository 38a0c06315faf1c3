import { DetailedError } from 'hono/client';

/** The HTTP status and stable problem `code` of a failed API call; both undefined for other errors (network, bugs). */
export function apiProblem(error: Error): { status: number | undefined; code: string | undefined; detail: string | undefined } {
  if (!(error instanceof DetailedError)) return { status: undefined, code: undefined, detail: undefined };
  const data = (error.detail as { data?: { code?: unknown; detail?: unknown } } | undefined)?.data;
  return {
    status: error.statusCode,
    code: typeof data?.code === 'string' ? data.code : undefined,
    detail: typeof data?.detail === 'string' ? data.detail : undefined,
  };
}

/** react-query retry policy: one retry for network and server failures; none for 4xx answers, which would only repeat. */
export function retryUnlessRefused(failureCount: number, error: Error): boolean {
  const { status } = apiProblem(error);
  return failureCount < 1 && (status === undefined || status >= 500);
}
