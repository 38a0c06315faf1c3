import { ReleaseStore } from '@pathfinder/fixtures';
import { DuckDbStore, buildStatusTable } from '@pathfinder/server';
import { attentionRecallOf } from '../support/attention-recall.ts';
import { figure, type Figure } from './figures.ts';

/**
 * The attention status of every area × indicator of the scale-1 seed-42 London, as `serve` builds it
 * when a release is prepared: the region's table (every level, practices included, from the exact
 * counts) and the public's (London, ICBs and boroughs, from the public table), each built afresh
 * `runs` times; then the recall of the generator's injected episodes and the false alarms on noise.
 */
export async function attentionBench(dataDir: string, releaseId: string, runs = 5): Promise<Figure[]> {
  await new ReleaseStore(dataDir).activate(releaseId);
  const store = await DuckDbStore.open(dataDir);
  try {
    const release = store.current();
    const region: number[] = [], publicMs: number[] = [];
    let rows = 0;
    // Interleaved, so both scopes see the same machine.
    for (let i = 0; i < runs; i++) {
      const table = await buildStatusTable(release, { kind: 'region' });
      region.push(table.buildMs);
      rows = table.rows.length;
      publicMs.push((await buildStatusTable(release, { kind: 'public' })).buildMs);
    }
    const recall = await attentionRecallOf(release);
    process.stderr.write(`bench: attention: ${rows} area × indicator statuses in the region's table\n`);
    process.stderr.write(`bench: attention: ${recall.falseAlarms} false alarms among ${recall.noiseSeries} pure-noise borough series\n`);
    process.stderr.write(`bench: attention episodes: ${recall.episodes.map((e) => `${e.indicatorId} ${e.boroughCode} ${e.kind} ${e.found ? 'found' : 'MISSED'}`).join('; ')}\n`);
    return [
      figure('attention: status of every area × indicator (every level, practices included), build', region, 'ms', '< 10000'),
      figure('attention: the public status table (London, ICBs, boroughs), build', publicMs, 'ms', null),
      figure('attention: recall of the injected episodes (seed 42)', [recall.recall], 'ratio', '≥ 0.9'),
      figure('attention: false alarms per 100 area-indicators (SPC special cause on pure-noise borough series)', [recall.falseAlarmsPer100], 'per 100', null),
    ];
  } finally {
    await store.close();
  }
}
