import { UsageError } from '../cli-options.ts';
import { parseDecimal } from './parse-decimal.ts';

/** A number > 0 from a flag (e.g. `--multiplier`), with the flag named in the error. */
export function positiveFlag(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = parseDecimal(value);
  if (n === undefined || n <= 0) throw new UsageError(`--${flag} must be a number > 0 (got ${JSON.stringify(value)})`);
  return n;
}

/** A finite number from an optional flag (e.g. `--target`); undefined when the flag is absent. */
export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = parseDecimal(value);
  if (n === undefined) throw new UsageError(`--${flag} must be a number (got ${JSON.stringify(value)})`);
  return n;
}

/** A whole number ≥ `min` from a flag (e.g. `--repetitions`), with the flag named in the error. */
export function integerFlag(value: string | undefined, flag: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = parseDecimal(value);
  if (n === undefined || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${flag} must be a whole number${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''} (got ${JSON.stringify(value)})`);
  }
  return n;
}

/** One of a fixed set of words from a flag. */
export function choiceFlag<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')} (got ${JSON.stringify(value)})`);
  }
  return value as T;
}

/** `true` or `false` from a flag that takes a value (`--screen-outliers false`). */
export function booleanFlag(value: string | undefined, flag: string, fallback: boolean): boolean {
  return choiceFlag(value, flag, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
}
