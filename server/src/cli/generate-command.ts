import { ReleaseStore, generateSyntheticRelease } from '@pathfinder/fixtures';
import { progressBar } from './progress-bar.ts';
import { parseEnv } from '../env.ts';
import { UsageError, intOption, parseOptions, type CliIo } from './cli-options.ts';

export const DEFAULT_SEED = 42;
export const DEFAULT_SCALE = 1;

export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, {
    seed: { type: 'string' },
    scale: { type: 'string' },
    data: { type: 'string' },
    'if-missing': { type: 'boolean' },
  });
  const dataDir = values.data ?? parseEnv().PATHFINDER_DATA;
  const seed = intOption(values.seed, 'seed', DEFAULT_SEED);
  const scale = values.scale === undefined ? DEFAULT_SCALE : Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new UsageError(`--scale must be a number > 0 and ≤ 1 (got ${JSON.stringify(values.scale)})`);
  if (values['if-missing']) {
    const current = await new ReleaseStore(dataDir).currentId();
    if (current) {
      io.out(`release ${current} is current in ${dataDir}; nothing to generate\n`);
      return 0;
    }
  }
  const started = performance.now();
  const bar = progressBar((text) => io.err(text));
  bar.update(0, `generating synthetic London (seed ${seed}, scale ${scale})`);
  const manifest = await generateSyntheticRelease(dataDir, { seed, scale, onProgress: (stage, done) => bar.update(done, `${stage} done`) });
  bar.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows = manifest.files.map((f) => `  ${f.path}: ${f.rows.toLocaleString('en-GB')} rows, ${(f.bytes / 1024).toFixed(0)} KiB`).join('\n');
  io.out(`published synthetic release ${manifest.id} in ${dataDir} (${seconds} s)\n${rows}\n`);
  return 0;
}
