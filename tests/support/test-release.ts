import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { DuckDbStore, createApp, issueToken, type AppDeps, type Role } from '@pathfinder/server';

export const TEST_TOKEN_SECRET = 'test-secret-of-at-least-32-characters!';

/** A synthetic release in a fresh temporary data directory, opened by the real DuckDB store. */
export async function openTestRelease(options: { seed?: number; scale?: number } = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-test-'));
  const manifest = await cachedSyntheticRelease(dataDir, { seed: options.seed ?? 42, scale: options.scale ?? 0.05 });
  const store = await DuckDbStore.open(dataDir);
  return {
    dataDir,
    manifest,
    store,
    app: (deps: Partial<AppDeps> = {}) => createApp({ store, tokenSecret: TEST_TOKEN_SECRET, ...deps }),
    token: (role: Role, icb?: string, ttlSeconds = 3600) => issueToken(TEST_TOKEN_SECRET, { role, ...(icb ? { icb } : {}), ttlSeconds }),
    /** Request headers carrying a token for `role` (and ICB). */
    async auth(role: Role, icb?: string): Promise<Record<string, string>> {
      return { Authorization: `Bearer ${await this.token(role, icb)}` };
    },
    async dispose() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
