import type { CsvRecord } from '@pathfinder/fixtures';
import { dobsonDsr, type DsrBand } from '@pathfinder/metrics';
import { positiveFlag } from './compute-flags.ts';
import type { ComputeMethod } from './compute-method.ts';
import { InputError, type InputCsv } from './input-csv.ts';

type DsrColumn = 'group' | 'ageband' | 'numerator' | 'denominator' | 'standard_population';

const OUTPUT = ['group', 'total_count', 'value', 'lower95', 'upper95', 'lower998', 'upper998'];

interface Group {
  readonly line: number;
  readonly bands: DsrBand[];
  readonly ageBands: Map<string, number>;
}

/** `compute dsr`: one directly standardised rate (Dobson limits) per group, groups in order of first appearance. */
export const dsrMethod: ComputeMethod<DsrColumn> = {
  usage: `dsr [--multiplier 100000]
      group,ageband,numerator,denominator,standard_population
      → group,total_count,value,lower95,upper95,lower998,upper998  (Dobson; one row per group;
        empty numerator = 0; value and limits empty when total_count < 10)`,
  columns: ['group', 'ageband', 'numerator', 'denominator', 'standard_population'],
  flags: ['multiplier'],
  prepare(flags) {
    const multiplier = positiveFlag(flags.multiplier, 'multiplier', 100_000);
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
};

function band(input: InputCsv<DsrColumn>, row: CsvRecord): DsrBand {
  const why = 'every age band needs one';
  return {
    count: input.count(row, 'numerator'),
    population: input.required(row, 'denominator', input.positive(row, 'denominator'), why),
    standardPopulation: input.required(row, 'standard_population', input.count(row, 'standard_population'), why),
  };
}
