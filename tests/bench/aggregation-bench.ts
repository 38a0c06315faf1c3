import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { coverCoverageSql } from '@pathfinder/metrics';
import { figure, summarise, timeRuns, type Figure } from './figures.ts';

/**
 * Cohort coverage for every COVER measure × borough × FY quarter straight from the scale-1 event
 * data, against the same engine's bare GROUP BY over the events table timed in the same rounds
 * (interleaved, so the ratios do not drift with the machine). Two baselines:
 * - doses per vaccine and dose: the cheapest GROUP BY there is (two columns, 15 groups), the target;
 * - doses per vaccine, dose, borough and birth month: the grain the coverage has to group at, so the
 *   ratio is what the cohort logic (ages, measures, quarters, denominators) costs on top of it.
 */
export async function aggregationBench(releaseDir: string, runs = 7): Promise<Figure[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE VIEW children AS SELECT * FROM read_parquet('${path.join(releaseDir, 'events/children.parquet')}')`);
  await db.run(`CREATE VIEW doses AS SELECT * FROM read_parquet('${path.join(releaseDir, 'events/doses.parquet')}')`);
  const events = ((await db.runAndReadAll('SELECT count(*)::INTEGER AS n FROM doses')).getRowObjectsJS()[0] as { n: number }).n;
  const coverage = coverCoverageSql({ from: '2018-04-01', to: '2025-03-31' });
  const bare: number[] = [], grain: number[] = [], cohort: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(...(await timeRuns(1, () => db.runAndReadAll('SELECT vaccine, dose, count(*) AS n FROM doses GROUP BY ALL'))));
    grain.push(...(await timeRuns(1, () => db.runAndReadAll('SELECT vaccine, dose, borough_code, birth_year_month, count(*) AS n FROM doses GROUP BY ALL'))));
    cohort.push(...(await timeRuns(1, () => db.runAndReadAll(coverage.text, [...coverage.params]))));
  }
  const rows = (await db.runAndReadAll(coverage.text, [...coverage.params])).currentRowCount;
  const ms = (samples: number[]) => Math.round(summarise(samples).median);
  return [
    figure(`aggregation: COVER coverage, 14 measures × borough × quarter (${(events / 1e6).toFixed(1)}M events, ${rows} rows)`, cohort, 'ms', '< 3000'),
    figure('aggregation: coverage time ÷ bare GROUP BY vaccine, dose', cohort.map((c, i) => c / bare[i]!), 'ratio', '≤ 2.0', { name: 'GROUP BY vaccine, dose over doses', value: ms(bare), unit: 'ms' }),
    figure('aggregation: coverage time ÷ bare GROUP BY at the coverage grain (vaccine, dose, borough, birth month)', cohort.map((c, i) => c / grain[i]!), 'ratio', null, { name: 'GROUP BY vaccine, dose, borough_code, birth_year_month over doses', value: ms(grain), unit: 'ms' }),
  ];
}
