import type { DataStore, OpenRelease } from '../../store/data-store.ts';
import { prepareStatusTables } from './prepare-status-tables.ts';
import { previousRelease } from './previous-release.ts';

/**
 * Opens the release a newly current one's alerts compare with and builds its status tables, in the
 * background, so the first GET /alerts does not pay for opening (verifying) a second release within
 * its request deadline. A failure is left to the first request, which tries again.
 */
export async function preparePreviousRelease(store: DataStore, release: OpenRelease, log: (line: Record<string, unknown>) => void): Promise<void> {
  if (!store.release || !store.releases) return;
  const previous = previousRelease(release.manifest, await store.releases());
  if (previous === null) return;
  await prepareStatusTables(await store.release(previous.id), log);
}
