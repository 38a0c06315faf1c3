import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticRelease } from '@pathfinder/fixtures';
import { DuckDbStore, createApp, type AppDeps } from '@pathfinder/server';

/** A synthetic release in a fresh temporary data directory, opened by the real DuckDB store. */
export async function openTestRelease(options: { seed?: number; scale?: number } = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-test-'));
  const manifest = await generateSyntheticRelease(dataDir, { seed: options.seed ?? 42, scale: options.scale ?? 0.05 });
  const store = await DuckDbStore.open(dataDir);
  return {
    dataDir,
    manifest,
    store,
    app: (deps: Partial<AppDeps> = {}) => createApp({ store, ...deps }),
    async dispose() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
