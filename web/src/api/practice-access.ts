import { useQuery } from '@tanstack/react-query';
import type { Session } from '@pathfinder/metrics';
import { apiProblem } from './api-problem.ts';
import { sessionQueries } from './queries.ts';

/** Why the caller may not see practice (or PCN) figures for an ICB. */
export type PracticeRefusal = { reason: 'no-token' } | { reason: 'other-icb' } | { reason: 'token-refused'; detail: string | undefined };

export type PracticeAccess = { state: 'pending' } | { state: 'allowed' } | { state: 'refused'; refusal: PracticeRefusal } | { state: 'error'; error: Error; retry: () => void };

/**
 * Whether the caller may see practice-level figures for `icb`, from its session, so a view asks for
 * them only when the answer can be given (no refused request, no console error).
 */
export function usePracticeAccess(icb: string): PracticeAccess {
  const session = useQuery(sessionQueries.caller());
  if (session.isPending) return { state: 'pending' };
  if (session.isError) {
    const refusal = practiceRefusalOf(session.error);
    return refusal ? { state: 'refused', refusal } : { state: 'error', error: session.error, retry: () => void session.refetch() };
  }
  const refusal = sessionRefusal(session.data, icb);
  return refusal ? { state: 'refused', refusal } : { state: 'allowed' };
}

/** Why this session may not see practice figures for `icb`; null when it may. */
export function sessionRefusal(session: Session, icb: string): PracticeRefusal | null {
  if (!session.areaTypes.includes('practice')) return { reason: 'no-token' };
  return session.role === 'ics' && session.icb !== icb ? { reason: 'other-icb' } : null;
}

/** A 401/403 answer as a refusal to explain; null for any other error, which is shown as one. */
export function practiceRefusalOf(error: Error): PracticeRefusal | null {
  const { status, problem } = apiProblem(error);
  if (problem?.code === 'invalid_token') return { reason: 'token-refused', detail: problem.detail };
  if (status === 403) return { reason: 'other-icb' };
  return status === 401 ? { reason: 'no-token' } : null;
}
