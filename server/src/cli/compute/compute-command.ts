import path from 'node:path';
import { CsvEncodingError } from '@pathfinder/fixtures';
import { defineCommand, type CliCommand, type CliGroup } from '../cli-command.ts';
import { UsageError, type OptionSpecs } from '../cli-options.ts';
import type { ComputeMethod } from './compute-method.ts';
import { dsrMethod } from './dsr-method.ts';
import { funnelMethod } from './funnel-method.ts';
import { InputCsv, InputError } from './input-csv.ts';
import { itsMethod } from './its-method.ts';
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
  its: itsMethod,
};

const FILE_OPTIONS = {
  in: { type: 'string', arg: 'IN.csv', required: true, description: 'input CSV (UTF-8) with a header line' },
  out: { type: 'string', arg: 'OUT.csv', required: true, description: 'output CSV, replaced only when the whole input is valid' },
} as const satisfies OptionSpecs;

/** `pathfinder compute <method>`: exit 0 when OUT.csv was written, 2 for bad usage or invalid input. */
export const computeCommand: CliGroup = {
  description:
    'Runs one of the dashboard\'s statistics over a CSV file. "+" means the columns are appended to every input column, which is kept unchanged. Numbers are written in full precision; a missing result is an empty field. Invalid input (a bad number, numerator > denominator, a missing column) exits with code 2, naming the line and column, and writes nothing.',
  noun: 'method',
  subcommands: Object.fromEntries(Object.entries(METHODS).map(([name, method]) => [name, { summary: method.summary, node: methodCommand(method) }])),
};

function methodCommand(method: ComputeMethod): CliCommand {
  return defineCommand({
    description: method.description,
    options: { ...FILE_OPTIONS, ...method.options },
    sections: [{ title: 'Columns', text: `  in    ${method.columns.join(',')}\n  out   ${method.output}` }],
    examples: method.examples,
    async run({ values }, io) {
      if (path.resolve(values.in) === path.resolve(values.out)) throw new UsageError('--out must be a different file from --in');
      const compute = method.prepare(values);
      try {
        await run(compute, values.in, values.out, method.columns, method.optionalColumns);
        return 0;
      } catch (error) {
        if (error instanceof InputError || error instanceof CsvEncodingError) {
          io.err(`error: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    },
  });
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
