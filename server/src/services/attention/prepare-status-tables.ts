import type { OpenRelease } from '../../store/data-store.ts';
import { statusScopeKey, type StatusScope } from './status-scope.ts';
import { statusTable } from './status-table.ts';

/** The scopes every release builds when it becomes servable; an ICB's is small and built on its first request. */
const PREPARED_SCOPES: readonly StatusScope[] = [{ kind: 'region' }, { kind: 'public' }];

/**
 * Builds a release's region and public status tables before it serves, so the first attention
 * answer does not wait for them, and logs each build's time and size.
 */
export async function prepareStatusTables(release: OpenRelease, log: (line: Record<string, unknown>) => void): Promise<void> {
  for (const scope of PREPARED_SCOPES) {
    const table = await statusTable(release, scope);
    log({ msg: 'attention statuses built', release: release.manifest.id, scope: statusScopeKey(scope), rows: table.rows.length, ms: table.buildMs });
  }
}
