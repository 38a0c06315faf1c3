import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReleaseStore, generateSyntheticRelease } from '@pathfinder/fixtures';
import type { ReleaseManifest } from '@pathfinder/metrics';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What a generated release depends on: the generator and the domain it writes with. */
const SOURCES = ['fixtures/src', 'metrics/src'];

/**
 * Puts a synthetic release (seed, scale) in `dataDir` and makes it current, as
 * `generateSyntheticRelease` does, but generates it once per version of the code: the release is
 * deterministic, so test files copy one generated release instead of each spending half a minute
 * of a 2-core CI machine on the same bytes. The cache is keyed by a hash of every source file the
 * generator reads, so a change to the generator or the disclosure rules makes a new one.
 */
export async function cachedSyntheticRelease(dataDir: string, options: { seed: number; scale: number }): Promise<ReleaseManifest> {
  const cacheDir = path.join(tmpdir(), 'pathfinder-test-releases', `${await sourcesHash()}-s${options.seed}-x${options.scale}`);
  let id: string;
  try {
    id = (await readFile(path.join(cacheDir, 'current'), 'utf8')).trim();
  } catch {
    // Build beside the cache and rename into place: a reader never sees half a release, and two
    // test processes building at once both succeed (the second rename finds the first's).
    const building = `${cacheDir}.building-${process.pid}-${Date.now()}`;
    await mkdir(path.dirname(cacheDir), { recursive: true });
    id = (await generateSyntheticRelease(building, options)).id;
    await rename(building, cacheDir).catch(() => rm(building, { recursive: true, force: true }));
  }
  await cp(path.join(cacheDir, 'releases', id), path.join(dataDir, 'releases', id), { recursive: true });
  await writeFile(path.join(dataDir, 'current'), `${id}\n`);
  return new ReleaseStore(dataDir).manifest(id);
}

let hash: Promise<string> | undefined;
function sourcesHash(): Promise<string> {
  hash ??= (async () => {
    const digest = createHash('sha256');
    for (const folder of SOURCES) {
      const files = (await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)).sort();
      for (const file of files) digest.update(path.relative(ROOT, file)).update(await readFile(file));
    }
    return digest.digest('hex').slice(0, 16);
  })();
  return hash;
}
