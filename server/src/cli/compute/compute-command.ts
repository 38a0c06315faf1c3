import path from 'node:path';
import { CsvEncodingError } from '@pathfinder/fixtures';
import { UsageError, parseOptions, type CliIo } from '../cli-options.ts';
import type { ComputeMethod } from './compute-method.ts';
import { dsrMethod } from './dsr-method.ts';
import { funnelMethod } from './funnel-method.ts';
import { InputCsv, InputError } from './input-csv.ts';
import { OutputCsv } from './output-csv.ts';
import { proportionMethod } from './proportion-method.ts';
import { rateMethod } from './rate-method.ts';
import { siiMethod } from './sii-method.ts';
import { spcMethod } from './spc-method.ts';
import { trendMethod } from './trend-method.ts';

const METHODS: Readonly<Record<string, ComputeMethod>> = {
  proportion: proportionMethod,
  rate: rateMethod,
  dsr: dsrMethod,
  spc: spcMethod,
  funnel: funnelMethod,
  trend: trendMethod,
  sii: siiMethod,
};

export const COMPUTE_USAGE = `Usage: pnpm pathfinder compute <method> --in IN.csv --out OUT.csv [options]

Runs one statistic over a CSV file. "+" means the columns are appended to every input column, which is
kept unchanged. Numbers are written in full precision; a missing result is an empty field.
Invalid input (a bad number, numerator > denominator, a missing column) exits with code 2, naming the
line and column, and writes nothing. Simulated limits (sii) come from a seeded generator: the same
input and --seed give the same file.

Methods:
${Object.values(METHODS).map((m) => `  ${m.usage}`).join('\n')}
`;

/** `pathfinder compute <method>`: exit 0 when OUT.csv was written, 2 for bad usage or invalid input. */
export async function computeCommand(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h') {
    io.out(COMPUTE_USAGE);
    return 0;
  }
  const method = name === undefined ? undefined : METHODS[name];
  try {
    if (!method) throw new UsageError(name === undefined ? 'compute needs a method' : `unknown method ${JSON.stringify(name)}`);
    const flags = parseOptions(rest, Object.fromEntries(['in', 'out', ...method.flags].map((flag) => [flag, { type: 'string' as const }])));
    const inFile = stringFlag(flags.in, 'in');
    const outFile = stringFlag(flags.out, 'out');
    if (path.resolve(inFile) === path.resolve(outFile)) throw new UsageError('--out must be a different file from --in');
    const compute = method.prepare(flags as Record<string, string | undefined>);
    await run(compute, inFile, outFile, method.columns, method.optionalColumns);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${error.message}\n\n${COMPUTE_USAGE}`);
      return 2;
    }
    if (error instanceof InputError || error instanceof CsvEncodingError) {
      io.err(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(compute: ReturnType<ComputeMethod['prepare']>, inFile: string, outFile: string, columns: readonly string[], optional: readonly string[] = []): Promise<void> {
  const input = await InputCsv.open(inFile, columns, optional);
  try {
    const output = await OutputCsv.create(outFile);
    try {
      await compute(input, output);
      await output.commit();
    } catch (error) {
      await output.discard();
      throw error;
    }
  } finally {
    await input.close();
  }
}

function stringFlag(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${flag} FILE.csv is required`);
  return value;
}

function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
