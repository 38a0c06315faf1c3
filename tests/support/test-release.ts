import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { buildPublishedRelease } from '@pathfinder/fixtures';
import { DuckDbStore, UserDataFile, createApp, issueToken, type AppDeps, type Role } from '@pathfinder/server';
import { ContractRecorder } from './contract-recorder.ts';

export const TEST_TOKEN_SECRET = 'test-secret-of-at-least-32-characters!';

/**
 * A synthetic release in a fresh temporary data directory, opened by the real DuckDB store. Every
 * answer of its apps is checked against the OpenAPI document they serve: `dispose` fails on any
 * status, content type or body the document does not declare. With `published`, the data directory
 * also holds the published release built from the bundled open data (the synthetic one stays current).
 * With `earlier` (a date), also the same synthetic London as at that date (`generate --as-at`), put
 * there first: the release the current one's alerts compare with. Its apps keep annotations and
 * snapshots in an in-memory user-data file unless given one.
 */
export async function openTestRelease(options: { seed?: number; scale?: number; published?: boolean; earlier?: string } = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-test-'));
  const seedAndScale = { seed: options.seed ?? 42, scale: options.scale ?? 0.05 };
  const earlier = options.earlier ? await cachedSyntheticRelease(dataDir, { ...seedAndScale, asAt: options.earlier }) : null;
  const manifest = await cachedSyntheticRelease(dataDir, seedAndScale);
  const published = options.published ? (await buildPublishedRelease(dataDir, { activate: false })).manifest : null;
  // One thread a database: two test files run at once on two cores (vitest.config.ts sets DUCKDB_THREADS for the servers they start).
  const store = await DuckDbStore.open(dataDir, { threads: 1 });
  // Annotations and snapshots in memory unless a test gives its own file (`app({ userData })`).
  const userData = await UserDataFile.open(':memory:');
  const contract = new ContractRecorder();
  return {
    dataDir,
    manifest,
    /** The published release's manifest, when asked for. */
    published,
    /** The earlier synthetic release's manifest, when asked for. */
    earlier,
    store,
    contract,
    app: (deps: Partial<AppDeps> = {}) => contract.wrap(createApp({ store, tokenSecret: TEST_TOKEN_SECRET, userData, ...deps })),
    token: (role: Role, icb?: string, ttlSeconds = 3600) => issueToken(TEST_TOKEN_SECRET, { role, ...(icb ? { icb } : {}), ttlSeconds }),
    /** Request headers carrying a token for `role` (and ICB). */
    async auth(role: Role, icb?: string): Promise<Record<string, string>> {
      return { Authorization: `Bearer ${await this.token(role, icb)}` };
    },
    async dispose() {
      const { violations } = await contract.violations();
      await store.close();
      userData.close();
      await rm(dataDir, { recursive: true, force: true });
      if (violations.length > 0) throw new Error(`${violations.length} answers break the OpenAPI document:\n${[...new Set(violations)].slice(0, 30).join('\n')}`);
    },
  };
}
