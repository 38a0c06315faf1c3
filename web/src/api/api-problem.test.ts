import { DetailedError } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { apiProblem, errorMessage, parseProblem, retryUnlessRefused } from './api-problem.ts';

const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_token', detail: 'token expired' };
const refused = (data: unknown, status = 401) => new DetailedError('refused', { detail: { data }, statusCode: status });

describe('API problems', () => {
  it('reads problem details by the API schema, and nothing else', () => {
    expect(parseProblem(problem)).toEqual(problem);
    expect(parseProblem({ detail: 'no type, title, status or code' })).toBeNull();
    expect(parseProblem('Internal Server Error')).toBeNull();
  });

  it('gives a failed call’s status and problem, and the sentence to show', () => {
    expect(apiProblem(refused(problem))).toEqual({ status: 401, problem });
    expect(errorMessage(refused(problem))).toBe('token expired');
    expect(errorMessage(refused({ ...problem, detail: undefined }))).toBe('Unauthorized');
    expect(errorMessage(refused('<html>bad gateway</html>', 502))).toBe('refused');
    expect(apiProblem(new TypeError('Failed to fetch'))).toEqual({ status: undefined, problem: null });
  });

  it('retries network and server failures once, never a refusal', () => {
    expect(retryUnlessRefused(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryUnlessRefused(0, refused(problem, 503))).toBe(true);
    expect(retryUnlessRefused(1, refused(problem, 503))).toBe(false);
    expect(retryUnlessRefused(0, refused(problem))).toBe(false);
  });
});
