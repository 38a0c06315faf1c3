import { UsageError } from './cli-options.ts';

const SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A duration flag such as 30m, 1h or 7d in whole seconds, at most `maxSeconds`; the flag is named in errors. */
export function parseDuration(value: string, flag: string, maxSeconds: number): number {
  const match = /^(\d{1,6})([smhd])$/.exec(value);
  if (!match) throw new UsageError(`--${flag} must be a whole number followed by s, m, h or d, like 30m, 1h or 7d (got ${JSON.stringify(value)})`);
  const seconds = Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
  if (seconds === 0) throw new UsageError(`--${flag} must be longer than 0 (got ${JSON.stringify(value)})`);
  if (seconds > maxSeconds) throw new UsageError(`--${flag} must be at most ${maxSeconds / 86_400} days (got ${JSON.stringify(value)})`);
  return seconds;
}
