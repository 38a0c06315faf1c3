import { UsageError } from '../cli-options.ts';
import { parseDecimal } from './parse-decimal.ts';

/** A number > 0 from a flag (e.g. `--multiplier`), with the flag named in the error. */
export function positiveFlag(value: string, flag: string): number {
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

/** A whole number ≥ `min` from an option (e.g. `--repetitions`), with the option named in the error. */
export function integerFlag(value: string, flag: string, min = Number.MIN_SAFE_INTEGER): number {
  const n = parseDecimal(value);
  if (n === undefined || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${flag} must be a whole number${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''} (got ${JSON.stringify(value)})`);
  }
  return n;
}
