import type { InputCsv } from './input-csv.ts';
import type { OutputCsv } from './output-csv.ts';

/** The method's flags as parsed from the command line (all take a value). */
export type ComputeFlags = Readonly<Record<string, string | undefined>>;

/** One statistic of `pathfinder compute`: its input columns, flags and the computation over a file. */
export interface ComputeMethod<C extends string = string> {
  /** Help lines: method, flags, columns in → columns out. */
  readonly usage: string;
  /** Required input columns. */
  readonly columns: readonly C[];
  /** Input columns the method reads when present. */
  readonly optionalColumns?: readonly C[];
  /** Names of the method's own flags besides --in and --out. */
  readonly flags: readonly string[];
  /** Checks the flags (UsageError when bad) and returns the computation. */
  prepare(flags: ComputeFlags): (input: InputCsv<C>, output: OutputCsv) => Promise<void>;
}

/** Columns added by `proportion` and `rate`: the value and its 95 % and 99.8 % confidence limits. */
export const INTERVAL_COLUMNS = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
