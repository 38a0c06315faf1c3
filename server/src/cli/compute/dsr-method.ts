import type { CsvRecord } from '@pathfinder/fixtures';
import { dobsonDsr, type DsrBand } from '@pathfinder/metrics';
import { positiveFlag } from './compute-flags.ts';
import { computeMethod } from './compute-method.ts';
import { InputError, type InputCsv } from './input-csv.ts';

type DsrColumn = 'group' | 'ageband' | 'numerator' | 'denominator' | 'standard_population';

const OUTPUT = ['group', 'total_count', 'value', 'lower95', 'upper95', 'lower998', 'upper998'];

interface Group {
  readonly line: number;
  readonly bands: DsrBand[];
  readonly ageBands: Map<string, number>;
}

/** `compute dsr`: one directly standardised rate (Dobson limits) per group, groups in order of first appearance. */
export const dsrMethod = computeMethod({
  summary: 'directly standardised rate with Dobson limits, one row per group',
  description:
    "One directly standardised rate per group from its age bands, times the multiplier, with Dobson confidence limits at 95 % and 99.8 % (as PHEindicatormethods' calculate_dsr); groups in order of first appearance. An empty numerator counts as 0; value and limits are empty when total_count < 10. Each age band of a group appears once, with a population and a standard population.",
  columns: ['group', 'ageband', 'numerator', 'denominator', 'standard_population'],
  output: OUTPUT.join(','),
  options: { multiplier: { type: 'string', arg: 'M', default: '100000', description: 'rate per M of the population, > 0' } },
  examples: ['--in bands.csv --out dsr.csv'],
  prepare(options) {
    const multiplier = positiveFlag(options.multiplier, 'multiplier');
    return async (input, output) => {
      const groups = new Map<string, Group>();
      for await (const row of input.rows()) {
        const name = input.text(row, 'group');
        const group: Group = groups.get(name) ?? { line: row.line, bands: [], ageBands: new Map() };
        groups.set(name, group);
        const ageBand = input.text(row, 'ageband');
        const seen = group.ageBands.get(ageBand);
        if (seen !== undefined) throw input.error(row, 'ageband', `"${ageBand}" appears twice in group "${name}" (first on line ${seen})`);
        group.ageBands.set(ageBand, row.line);
        group.bands.push(band(input, row));
      }
      await output.write(OUTPUT);
      for (const [name, { line, bands }] of groups) {
        if (bands.every((b) => b.standardPopulation === 0)) {
          throw new InputError(`${input.file}: group "${name}" (from line ${line}) has standard_population 0 in every band`);
        }
        const ci95 = dobsonDsr(bands, { multiplier, level: 0.95 });
        const ci998 = dobsonDsr(bands, { multiplier, level: 0.998 });
        await output.write([name, ci95.totalCount, ci95.value, ci95.lower, ci95.upper, ci998.lower, ci998.upper]);
      }
    };
  },
});

function band(input: InputCsv<DsrColumn>, row: CsvRecord): DsrBand {
  const why = 'every age band needs one';
  return {
    count: input.count(row, 'numerator'),
    population: input.required(row, 'denominator', input.positive(row, 'denominator'), why),
    standardPopulation: input.required(row, 'standard_population', input.count(row, 'standard_population'), why),
  };
}
