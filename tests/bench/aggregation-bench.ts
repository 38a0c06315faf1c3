import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { coverCoverageSql } from '@pathfinder/metrics';
import { figure, timeRuns, type Figure } from './figures.ts';

/**
 * Cohort coverage for every COVER measure × borough × FY quarter straight from the scale-1 event
 * data, against the same engine's bare GROUP BY over the events table (doses per vaccine and dose)
 * timed in the same run, so the ratio does not drift with the machine.
 */
export async function aggregationBench(releaseDir: string, runs = 7): Promise<Figure[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE VIEW children AS SELECT * FROM read_parquet('${path.join(releaseDir, 'events/children.parquet')}')`);
  await db.run(`CREATE VIEW doses AS SELECT * FROM read_parquet('${path.join(releaseDir, 'events/doses.parquet')}')`);
  const events = ((await db.runAndReadAll('SELECT count(*)::INTEGER AS n FROM doses')).getRowObjectsJS()[0] as { n: number }).n;
  const coverage = coverCoverageSql({ from: '2018-04-01', to: '2025-03-31' });
  const bare = await timeRuns(runs, () => db.runAndReadAll('SELECT vaccine, dose, count(*) AS n FROM doses GROUP BY ALL'));
  const cohort = await timeRuns(runs, () => db.runAndReadAll(coverage.text, [...coverage.params]));
  const rows = (await db.runAndReadAll(coverage.text, [...coverage.params])).currentRowCount;
  const ratios = cohort.map((c, i) => c / bare[i]!);
  const bareMedian = [...bare].sort((a, b) => a - b)[Math.floor(bare.length / 2)]!;
  return [
    figure(`aggregation: COVER coverage, 14 measures × borough × quarter (${(events / 1e6).toFixed(1)}M events, ${rows} rows)`, cohort, 'ms', '< 3000'),
    figure('aggregation: coverage time ÷ bare GROUP BY time', ratios, 'ratio', '≤ 2.0', { name: 'bare GROUP BY over doses', value: Math.round(bareMedian), unit: 'ms' }),
  ];
}
