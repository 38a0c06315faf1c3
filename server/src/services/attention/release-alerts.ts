import type { ReleaseManifest } from '@pathfinder/metrics';
import { releaseForCaller } from '../../auth/caller-areas.ts';
import type { Caller } from '../../auth/caller.ts';
import { ApiError } from '../../http/api-error.ts';
import { selectRelease } from '../../http/release-selection.ts';
import type { DataStore, OpenRelease } from '../../store/data-store.ts';
import { alertsBetween, type AlertRow } from './alerts-between.ts';
import { previousRelease } from './previous-release.ts';
import { statusScopeFor, type StatusScope, type StatusTable } from './status-scope.ts';

/** Builds (or recalls) the status table of a release for a scope: `statusTable` in production. */
export type StatusTables = (release: OpenRelease, scope: StatusScope) => Promise<StatusTable>;

export interface ReleaseAlerts {
  /** The release compared with; null when there is no earlier release of the same kind. */
  readonly since: ReleaseManifest | null;
  readonly rows: readonly AlertRow[];
}

/**
 * What is new in `release` for `caller`'s scope since `sinceId`, or by default since the previous
 * release of the same kind (`previousRelease`). An unknown `sinceId` is a 404 release_not_found, as
 * `release=` is; a release of another kind, or the release itself, a 400.
 */
export async function releaseAlerts(store: DataStore, tables: StatusTables, release: OpenRelease, caller: Caller, sinceId?: string): Promise<ReleaseAlerts> {
  const since = sinceId === undefined ? await defaultSince(store, release) : await namedSince(store, release, sinceId);
  if (since === null) return { since: null, rows: [] };
  const scope = statusScopeFor(caller);
  const [previous, current] = await Promise.all([tables(releaseForCaller(since, caller), scope), tables(release, scope)]);
  return { since: since.manifest, rows: alertsBetween(previous, current) };
}

async function defaultSince(store: DataStore, release: OpenRelease): Promise<OpenRelease | null> {
  const manifests = store.releases ? await store.releases() : [];
  const manifest = previousRelease(release.manifest, manifests);
  return manifest === null ? null : selectRelease(store, manifest.id);
}

async function namedSince(store: DataStore, release: OpenRelease, id: string): Promise<OpenRelease> {
  if (id === release.manifest.id) throw new ApiError(400, 'invalid_parameter', `invalid parameter since: ${id} is the release being compared; name an earlier release of the same kind`);
  const since = await selectRelease(store, id);
  if (since.manifest.kind !== release.manifest.kind) {
    throw new ApiError(400, 'invalid_parameter', `invalid parameter since: release ${id} is ${since.manifest.kind}, and release ${release.manifest.id} is ${release.manifest.kind}; alerts compare releases of one kind`);
  }
  return since;
}
