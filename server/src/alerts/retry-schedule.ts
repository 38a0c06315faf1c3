/** How a failed delivery is tried again: exponential backoff from `firstMs`, doubling, capped at `maxMs`, `maxAttempts` attempts in all. */
export interface RetrySchedule {
  readonly firstMs: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
}

/** 1 s, 2 s, 4 s … 5 min, 10 attempts: about 13 minutes before a delivery is given up (a restart resumes it). */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { firstMs: 1000, maxMs: 300_000, maxAttempts: 10 };

/** Milliseconds to wait after failed attempt `attempt` (1-based), or null when it was the last. */
export function retryDelayMs(attempt: number, schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number ≥ 1 (got ${attempt})`);
  if (attempt >= schedule.maxAttempts) return null;
  return Math.min(schedule.firstMs * 2 ** (attempt - 1), schedule.maxMs);
}
