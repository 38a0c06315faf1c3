import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReleaseStore } from '@pathfinder/fixtures';
import { figure, type Figure } from './figures.ts';
import { processPeakRssMiB } from './process-rss.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** How often the generating process's peak memory is read; the kernel keeps the peak, so this only bounds how much of the last moment could be missed. */
const PEAK_EVERY_MS = 50;
const LARGE_SCALE = 4;

export interface GeneratedData {
  readonly dataDir: string;
  readonly releaseIds: string[];
}

interface Generation {
  readonly seconds: number;
  readonly peakMiB: number;
  readonly events: number;
  readonly releaseId: string;
}

/**
 * Runs `pathfinder generate` in a process of its own, as users run it, so its peak resident set
 * (Node, the generator and DuckDB together) is the process's own; returns the wall time from start
 * to exit, the peak and the release made.
 */
async function generateInChild(dataDir: string, seed: number, scale: number): Promise<Generation> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'server/bin/pathfinder.mjs'), 'generate', '--seed', String(seed), '--scale', String(scale), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-4000)));
  let peakMiB = 0;
  const readPeak = () => processPeakRssMiB(child.pid!).then((mib) => (peakMiB = Math.max(peakMiB, mib)), () => undefined);
  const sampler = setInterval(() => void readPeak(), PEAK_EVERY_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`pathfinder generate --seed ${seed} --scale ${scale} exited with ${code}: ${stderr}`);
  const store = new ReleaseStore(dataDir);
  const releaseId = (await store.currentId())!;
  const events = (await store.manifest(releaseId)).files.find((f) => f.path === 'events/doses.parquet')!.rows;
  return { seconds, peakMiB, events, releaseId };
}

/**
 * The generator's figures, from `rounds` interleaved rounds of a scale-1 London (seeds 42, 43, …)
 * and, with `largeScale`, four Londons (scale 4, same seeds) right after it, each in its own
 * process: time, peak memory, and how far time is from linear in the scale (each round's scale-4
 * time over four times the same round's scale-1 time, so both met the same machine load). The
 * scale-1 releases of seeds 42 and 43 stay in one data directory for the other benchmarks (seed 42
 * current, the default London on which the attention recall is reported); the others are removed.
 */
export async function generatorBench(options: { rounds?: number; largeScale?: boolean } = {}): Promise<{ figures: Figure[]; data: GeneratedData }> {
  const rounds = Math.max(2, options.rounds ?? 5);
  const largeScale = options.largeScale ?? true;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-bench-'));
  const kept: string[] = [];
  const london: Generation[] = [], four: Generation[] = [];
  for (let i = 0; i < rounds; i++) {
    const keep = i < 2;
    const scratch = keep ? dataDir : await mkdtemp(path.join(tmpdir(), 'pf-bench-gen-'));
    const one = await generateInChild(scratch, 42 + i, 1);
    london.push(one);
    if (keep) kept.push(one.releaseId);
    else await rm(scratch, { recursive: true, force: true });
    if (largeScale) {
      const large = await mkdtemp(path.join(tmpdir(), 'pf-bench-gen-'));
      four.push(await generateInChild(large, 42 + i, LARGE_SCALE));
      await rm(large, { recursive: true, force: true });
    }
  }
  await new ReleaseStore(dataDir).activate(kept[0]!);
  const gb = (g: Generation) => g.peakMiB / 1024;
  const scaleOne = figure('generator: scale-1 release build time', london.map((g) => g.seconds), 's', '< 120');
  const figures = [
    scaleOne,
    figure('generator: events per second per core (2 cores)', london.map((g) => g.events / g.seconds / 2), 'events/s/core', '≥ 200000'),
    figure('generator peak memory', london.map(gb), 'GB', '≤ 3'),
  ];
  if (largeScale) {
    figures.push(
      figure(`generator at scale ${LARGE_SCALE}`, four.map((g) => g.seconds), 's', null),
      figure(`generator at scale ${LARGE_SCALE}: peak memory`, four.map(gb), 'GB', '≤ 3'),
      // Linear means four times the scale-1 time; a quarter more allows for the spilling and the
      // larger sorts that four Londons need, while anything worse than linear by a power would miss it.
      figure(`generator: scale-${LARGE_SCALE} time ÷ (${LARGE_SCALE} × scale-1 time)`, four.map((g, i) => g.seconds / (LARGE_SCALE * london[i]!.seconds)), '×', '≤ 1.25', {
        name: scaleOne.name,
        value: scaleOne.value,
        unit: scaleOne.unit,
      }),
    );
  }
  return { figures, data: { dataDir, releaseIds: kept } };
}
