import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importRelease } from '@pathfinder/fixtures';
import { figure, timeRuns, type Figure } from './figures.ts';

// The real UKHSA COVER file (12,544 borough rows) as bundled for the published release.
const COVER_UTLA = fileURLToPath(new URL('../../fixtures/data/published/cover_london_utla_quarterly_2018-19_to_2024-25.csv', import.meta.url));

/**
 * Seconds for `pathfinder import --format tidy` of the COVER file: validation, roll-ups to ICBs and
 * London, Parquet and manifest. Each run imports into a fresh data directory, since the release id is
 * the file's checksum and a second import into the same one is refused.
 */
export async function importBench(runs = 5): Promise<Figure[]> {
  const dirs: string[] = [];
  const times = await timeRuns(runs, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-bench-import-'));
    dirs.push(dataDir);
    await importRelease(dataDir, [COVER_UTLA], 'tidy');
  });
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  return [figure('import: tidy import of the COVER file (12,544 rows)', times.map((ms) => ms / 1000), 's', '< 5')];
}
