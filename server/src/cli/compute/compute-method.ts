import type { OptionSpecs, OptionValues } from '../cli-options.ts';
import type { InputCsv } from './input-csv.ts';
import type { OutputCsv } from './output-csv.ts';

/**
 * One statistic of `pathfinder compute`: what its --help says, its input columns and options, and the
 * computation over a file. `compute <method> --help` and `compute --help` are made from it.
 */
export interface ComputeMethod<C extends string = string, O extends OptionSpecs = OptionSpecs> {
  /** One line for the list of methods in `compute --help`. */
  readonly summary: string;
  /** The method, its source and how gaps are handled, for `compute <method> --help`. */
  readonly description: string;
  /** Required input columns. */
  readonly columns: readonly C[];
  /** Input columns the method reads when present. */
  readonly optionalColumns?: readonly C[];
  /** What OUT.csv holds: "+ a,b" when the columns are appended to every input column. */
  readonly output: string;
  /** The method's own options besides --in and --out; help and parsing both come from them. */
  readonly options: O;
  /** Arguments after `compute <method>`, each complete (with --in and --out); at least one. */
  readonly examples: readonly string[];
  /** Checks the options (UsageError when bad) and returns the computation. */
  prepare(options: OptionValues<O>): (input: InputCsv<C>, output: OutputCsv) => Promise<void>;
}

/** Declares a method, inferring its columns and the types of its parsed options. */
export function computeMethod<const C extends string, const O extends OptionSpecs>(method: ComputeMethod<C, O>): ComputeMethod<C, O> {
  return method;
}

/** Columns added by `proportion` and `rate`: the value and its 95 % and 99.8 % confidence limits. */
export const INTERVAL_COLUMNS = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
