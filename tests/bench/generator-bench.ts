import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticRelease } from '@pathfinder/fixtures';
import { figure, type Figure } from './figures.ts';

export interface GeneratedData {
  readonly dataDir: string;
  readonly releaseIds: string[];
}

/**
 * Generates the scale-1 synthetic London `runs` times (seeds 42, 43, …, so each is a real build and
 * the first is the default London, on which the attention recall is reported), reporting events per
 * second per core; leaves the releases in one data directory for the other benchmarks (the first
 * seed is made current last).
 */
export async function generatorBench(runs = 2): Promise<{ figures: Figure[]; data: GeneratedData }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-bench-'));
  const seconds: number[] = [], perCore: number[] = [], ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const manifest = await generateSyntheticRelease(dataDir, { seed: 42 + i, scale: 1 });
    const s = (performance.now() - started) / 1000;
    const events = manifest.files.find((f) => f.path === 'events/doses.parquet')!.rows;
    seconds.push(s);
    perCore.push(events / s / 2);
    ids.push(manifest.id);
  }
  return {
    figures: [
      figure('generator: scale-1 release build time', seconds, 's', '< 120'),
      figure('generator: events per second per core (2 cores)', perCore, 'events/s/core', '≥ 200000'),
    ],
    data: { dataDir, releaseIds: ids },
  };
}
