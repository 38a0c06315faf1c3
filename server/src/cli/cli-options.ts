import { parseArgs } from 'node:util';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Bad usage: the command exits 2, pointing to its --help. */
export class UsageError extends Error {}

interface OptionBase {
  /** One sentence for --help, without the default (which help adds). */
  readonly description: string;
}

interface BooleanOption extends OptionBase {
  readonly type: 'boolean';
}

interface StringOptionBase extends OptionBase {
  readonly type: 'string';
  /** The value's placeholder in help (N, DIR); not needed with `choices`, which stand in for it. */
  readonly arg?: string;
  /** The only values accepted; checked when parsing. */
  readonly choices?: readonly string[];
}

/**
 * A string option says what happens without it: a `default` value (applied when parsing), a
 * `defaultText` for one worked out when the command runs (from the environment, another option), or
 * that it is `required`. Help prints whichever it is, so an option cannot be documented without one.
 */
export type StringOption = StringOptionBase & ({ readonly default: string } | { readonly defaultText: string } | { readonly required: true });

export type OptionSpec = BooleanOption | StringOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Arguments that are not options: `FILE…` of import, `ID` of release activate. */
export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
}

type OptionValue<S extends OptionSpec> = S extends BooleanOption
  ? boolean
  : (S extends { readonly choices: readonly (infer C)[] } ? C : string) | (S extends { readonly default: string } | { readonly required: true } ? never : undefined);

export type OptionValues<O extends OptionSpecs> = { -readonly [K in keyof O]: OptionValue<O[K]> };

export interface ParsedArgs<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: string[];
}

/** `a, b or c`, for messages and help. */
export function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** How an option's value is shown in help and messages: `--seed N`, `--format fingertips|tidy|events`. */
export function optionSynopsis(name: string, spec: OptionSpec): string {
  if (spec.type === 'boolean') return `--${name}`;
  const arg = spec.choices ? spec.choices.join('|') : (spec.arg ?? 'VALUE');
  return `--${name} ${arg}`;
}

/**
 * Parses `args` against a command's declared options and positionals (`command` names it in
 * messages). Unknown options, a missing value, a value outside `choices`, a missing required option
 * and the wrong number of positionals are UsageErrors; defaults are filled in.
 */
export function parseCommandArgs<O extends OptionSpecs>(command: string, options: O, positionals: PositionalSpec | undefined, args: string[]): ParsedArgs<O> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: positionals !== undefined,
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [name, spec.type === 'boolean' ? { type: 'boolean', default: false } : { type: 'string', ...('default' in spec ? { default: spec.default } : {}) }]),
      ),
    });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(error.message);
    throw error;
  }
  for (const [name, spec] of Object.entries(options)) {
    if (spec.type === 'boolean') continue;
    const value = parsed.values[name];
    if ('required' in spec && (value === undefined || value === '')) throw new UsageError(`${command} needs ${optionSynopsis(name, spec)}`);
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be ${orList(spec.choices)} (got ${JSON.stringify(value)})`);
    }
  }
  const found = parsed.positionals;
  if (positionals) {
    const { name, min, max } = positionals;
    if (found.length < min) throw new UsageError(`${command} needs ${min === max ? '' : 'at least '}${min === 1 ? 'one' : min} ${name}`);
    if (found.length > max) throw new UsageError(`${command} takes ${max === 1 ? 'one' : `at most ${max}`} ${name} (got ${found.join(' ')})`);
  }
  return { values: { ...parsed.values } as OptionValues<O>, positionals: found };
}

/** A whole number from a flag, with the flag named in the error. */
export function intOption(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number ≥ 0 (got ${JSON.stringify(value)})`);
  return n;
}
