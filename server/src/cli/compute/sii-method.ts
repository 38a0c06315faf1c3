import type { CsvRecord } from '@pathfinder/fixtures';
import { SII_VALUE_TYPES, SiiInputError, slopeIndexOfInequality, type SiiQuantile, type SiiValueType } from '@pathfinder/metrics';
import { UsageError } from '../cli-options.ts';
import { integerFlag, numberFlag } from './compute-flags.ts';
import { computeMethod } from './compute-method.ts';
import { InputError, type InputCsv } from './input-csv.ts';

type SiiColumn = 'group' | 'quantile' | 'population' | 'value' | 'se' | 'lower95' | 'upper95';

const OUTPUT = ['group', 'sii', 'rii', 'sii_lower95', 'sii_upper95', 'rii_lower95', 'rii_upper95'];

interface Group {
  readonly line: number;
  readonly quantiles: SiiQuantile[];
  /** Line of each quantile's row, to name it when the statistic rejects a field. */
  readonly lines: Map<number, CsvRecord>;
  complete: boolean;
}

/** `compute sii`: slope and relative index of inequality (PHEindicatormethods phe_sii) per group, groups in order of first appearance. */
export const siiMethod = computeMethod({
  summary: 'slope and relative index of inequality per group (PHEindicatormethods phe_sii), with simulated 95% limits',
  description:
    'The slope index of inequality (SII) and relative index of inequality (RII) of each group, as PHEindicatormethods phe_sii computes them. Quantile 1 is the most deprived, numbered 1 to k (5 ≤ k ≤ 100) in each group; ranks are the midpoints of the cumulative population shares and the line is fitted by population-weighted least squares. SII: the fitted value at the least deprived end minus that at the most deprived end, × multiplier; RII: the first ÷ the second, (intercept + slope) / intercept. A negative multiplier (write --multiplier=-100) negates the SII and inverts the RII. Standard errors come from se, else from lower95 and upper95; without them the limit columns are empty. 95% limits by phe_sii\'s simulation with a fixed seed, so a run is reproducible: point estimates match phe_sii to 1e-6, limits differ from R\'s by simulation error only. An empty value empties its group\'s row.',
  columns: ['group', 'quantile', 'population', 'value'],
  optionalColumns: ['se', 'lower95', 'upper95'],
  output: 'group,sii,rii,sii_lower95,sii_upper95,rii_lower95,rii_upper95 (one row per group, in order of first appearance)',
  options: {
    multiplier: { type: 'string', arg: 'M', default: '1', description: 'scale of the SII (e.g. 100 for percentage points); negative flips the SII and inverts the RII' },
    'value-type': { type: 'string', choices: SII_VALUE_TYPES, default: 'normal', description: 'phe_sii\'s value_type: the scale of the standard errors (rate: log; proportion: logit, values between 0 and 1)' },
    repetitions: { type: 'string', arg: 'N', default: '100000', description: 'simulations for the 95% limits, at least 1000' },
    seed: { type: 'string', arg: 'N', default: '1', description: 'seed of the simulation' },
  },
  examples: ['--in quintiles.csv --out sii.csv --multiplier 100 --value-type proportion', '--in deciles.csv --out sii.csv --multiplier=-1'],
  prepare(options) {
    const multiplier = numberFlag(options.multiplier, 'multiplier')!;
    if (multiplier === 0) throw new UsageError(`--multiplier must be a number other than 0 (got ${JSON.stringify(options.multiplier)})`);
    const valueType: SiiValueType = options['value-type'];
    const repetitions = integerFlag(options.repetitions, 'repetitions', 1000);
    const seed = integerFlag(options.seed, 'seed');
    return async (input, output) => {
      const errors = standardErrorColumns(input);
      const groups = new Map<string, Group>();
      for await (const row of input.rows()) {
        const name = input.text(row, 'group');
        const group: Group = groups.get(name) ?? { line: row.line, quantiles: [], lines: new Map(), complete: true };
        groups.set(name, group);
        const quantile = input.required(row, 'quantile', input.positive(row, 'quantile'), 'every row needs its quantile');
        if (!Number.isInteger(quantile)) throw input.error(row, 'quantile', `must be a whole number (got ${quantile})`);
        const seen = group.lines.get(quantile);
        if (seen) throw input.error(row, 'quantile', `${quantile} appears twice in group "${name}" (first on line ${seen.line})`);
        group.lines.set(quantile, row);
        const population = input.required(row, 'population', input.positive(row, 'population'), 'every quantile needs one');
        const value = input.number(row, 'value');
        if (value === null) group.complete = false;
        else group.quantiles.push({ quantile, population, value, ...errors(row) });
      }
      await output.write(OUTPUT);
      for (const [name, group] of groups) {
        if (!group.complete) {
          await output.write([name, null, null, null, null, null, null]);
          continue;
        }
        const r = sii(input, name, group, { multiplier, valueType, confidence: { repetitions, seed } });
        const c = r.confidence;
        await output.write([name, r.sii, r.rii, c?.siiLower ?? null, c?.siiUpper ?? null, c?.riiLower ?? null, c?.riiUpper ?? null]);
      }
    };
  },
});

/** phe_sii takes `se` when given, else the two limits; a lone limit column is a mistake. */
function standardErrorColumns(input: InputCsv<SiiColumn>): (row: CsvRecord) => Pick<SiiQuantile, 'se' | 'lower95' | 'upper95'> {
  if (input.has('se')) return (row) => ({ se: input.count(row, 'se') });
  const lower = input.has('lower95');
  if (lower !== input.has('upper95')) {
    throw new InputError(`${input.file} line 1: column "${lower ? 'lower95' : 'upper95'}" needs "${lower ? 'upper95' : 'lower95'}" too; standard errors come from both 95% limits (or give "se")`);
  }
  if (!lower) return () => ({});
  return (row) => ({ lower95: input.number(row, 'lower95'), upper95: input.number(row, 'upper95') });
}

/** The statistic for one group; its input errors point at the group's line, or the quantile's line and column. */
function sii(input: InputCsv<SiiColumn>, name: string, group: Group, options: Parameters<typeof slopeIndexOfInequality>[1]) {
  try {
    return slopeIndexOfInequality(group.quantiles, options);
  } catch (error) {
    if (!(error instanceof SiiInputError)) throw error;
    const row = error.quantile === null ? undefined : group.lines.get(error.quantile);
    if (row) throw input.error(row, error.field, error.problem);
    throw new InputError(`${input.file} line ${group.line}: group "${name}": ${error.message}`);
  }
}
