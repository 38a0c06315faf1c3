import { AS_AT_RANGE, MAX_SCALE, ReleaseStore, SYNTHETIC_DATA_AS_AT, asAtProblem, generateSyntheticRelease } from '@pathfinder/fixtures';
import { progressBar } from './progress-bar.ts';
import { defineCommand } from './cli-command.ts';
import { UsageError, intOption } from './cli-options.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';

/** `pnpm pathfinder generate`: publishes a synthetic London release; the same seed, scale and as-at date give the same bytes. */
export const generateCommand = defineCommand({
  description:
    'Publishes a synthetic London release into the data directory and makes it current: a folder releases/<id>/ with manifest.json and Parquet files. The same seed, scale and as-at date always give the same bytes; a release as at an earlier date holds the same figures as a later one for every period that had ended by then, so two releases a quarter apart show what is new.',
  options: {
    seed: { type: 'string', arg: 'N', default: '42', description: 'seed of the random generator, a whole number ≥ 0' },
    scale: { type: 'string', arg: 'S', default: '1', description: `Londons' worth of children and patients to generate, > 0 and ≤ ${MAX_SCALE}: below 1 a share of London's children in London's ~1,200 practices; above 1 more practices and PCNs in the same boroughs, so each keeps a real one's size` },
    'as-at': {
      type: 'string',
      arg: 'DATE',
      default: SYNTHETIC_DATA_AS_AT,
      description: `last day of the data, YYYY-MM-DD from ${AS_AT_RANGE.first} to ${AS_AT_RANGE.last}: each indicator ends at its last period complete by then; a date other than the default is named in the release id`,
    },
    data: DATA_OPTION,
    'if-missing': { type: 'boolean', description: 'do nothing when the data directory already has a current release' },
  },
  examples: ['', '--seed 7 --scale 0.05 --data demo-data', '--scale 0.05 --as-at 2024-12-31', '--scale 4 --data four-londons', '--if-missing'],
  async run({ values }, io) {
    const dataDir = dataDirectory(values.data);
    const seed = intOption(values.seed, 'seed');
    const scale = Number(values.scale);
    if (!(scale > 0 && scale <= MAX_SCALE)) throw new UsageError(`--scale must be a number > 0 and ≤ ${MAX_SCALE} (got ${JSON.stringify(values.scale)})`);
    const asAt = values['as-at'];
    const problem = asAtProblem(asAt);
    if (problem) throw new UsageError(`--as-at ${problem}`);
    if (values['if-missing']) {
      const current = await new ReleaseStore(dataDir).currentId();
      if (current) {
        io.out(`release ${current} is current in ${dataDir}; nothing to generate\n`);
        return 0;
      }
    }
    const started = performance.now();
    const bar = progressBar((text) => io.err(text));
    bar.update(0, `generating synthetic London (seed ${seed}, scale ${scale}, as at ${asAt})`);
    const manifest = await generateSyntheticRelease(dataDir, { seed, scale, asAt, onProgress: (stage, done) => bar.update(done, `${stage} done`) });
    bar.done();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rows = manifest.files.map((f) => `  ${f.path}: ${f.rows.toLocaleString('en-GB')} rows, ${(f.bytes / 1024).toFixed(0)} KiB`).join('\n');
    io.out(`published synthetic release ${manifest.id} in ${dataDir} (${seconds} s)\n${rows}\n`);
    return 0;
  },
});
