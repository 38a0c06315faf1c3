import { pinnedDashboardView, type Snapshot, type SnapshotBody, type SnapshotRow } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import type { DataStore } from '../store/data-store.ts';
import type { SnapshotStore } from '../user-data/snapshot-store.ts';

const OWN_ORIGIN = 'https://dashboard.invalid';

const invalid = (field: string, why: string) => new ApiError(400, 'invalid_parameter', `invalid parameter ${field}: ${why}`);

/**
 * Stores a permanent link: a dashboard page (only ours, on this origin) with `release=` pinned to the
 * release it showed, which must be one of the data directory's. The view holds no data, so anyone
 * may make one.
 */
export async function createSnapshot(snapshots: SnapshotStore, store: DataStore, body: SnapshotBody, now: Date): Promise<SnapshotRow> {
  const pinned = pinnedDashboardView(body.view, body.release);
  if ('error' in pinned) throw invalid('view', pinned.error);
  // Belt and braces: what passed must resolve to the same path on our own origin, as a browser would resolve the redirect.
  const resolved = new URL(pinned.view, OWN_ORIGIN);
  if (resolved.origin !== OWN_ORIGIN || resolved.pathname !== pinned.view.slice(0, pinned.view.indexOf('?'))) throw invalid('view', 'a path on this dashboard');
  const known = store.releases ? (await store.releases()).some((m) => m.id === body.release) : store.current().manifest.id === body.release;
  if (!known) throw invalid('release', `no release with id ${JSON.stringify(body.release)} (GET /api/v1/releases lists them)`);
  return snapshots.create(pinned.view, body.release, now);
}

/** The snapshot with this id; 404 when there is none. */
export async function findSnapshot(snapshots: SnapshotStore, id: string): Promise<SnapshotRow> {
  const row = await snapshots.get(id);
  if (!row) throw ApiError.notFound('snapshot', id);
  return row;
}

export const snapshotOf = (row: SnapshotRow): Snapshot => ({ id: row.id, view: row.view, release: row.release, createdAt: row.created_at });
