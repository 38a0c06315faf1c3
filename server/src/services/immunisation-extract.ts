import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMMUNISATION_EXTRACTS, LONDON, immunisationExtractSql, type ExtractScope, type ImmunisationExtract } from '@pathfinder/metrics';
import type { Caller } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { OpenRelease } from '../store/duckdb-store.ts';
import { writeParquetExtract } from '../store/parquet-extract-writer.ts';
import { requireEventData } from './event-data.ts';
import type { ServiceContext } from './service-context.ts';

/** Where built extracts are kept; a file is named after release, content, extract and scope, so it never goes stale. */
export const EXTRACT_CACHE_DIR = path.join(tmpdir(), 'pathfinder-extracts');

export interface ExtractFile {
  readonly name: ImmunisationExtract;
  readonly path: string;
  readonly bytes: number;
  readonly disclosure: 'none' | 'suppressed-and-rounded';
}

const building = new Map<string, Promise<void>>();

/**
 * The Parquet file of an extract (`<name>.parquet`) for the caller's scope, built with DuckDB's
 * COPY the first time it is asked for and kept on disk: `region` and `admin` get every practice,
 * `ics` its ICB's practices (exact counts), everyone else the public, borough-level,
 * disclosure-controlled version (see `immunisationExtractSql`). Concurrent first requests share
 * one build; the file appears by an atomic rename, so a reader never sees half of one.
 */
export async function immunisationExtract(ctx: ServiceContext, file: string): Promise<ExtractFile> {
  const name = file.endsWith('.parquet') ? file.slice(0, -'.parquet'.length) : null;
  if (!name || !(IMMUNISATION_EXTRACTS as readonly string[]).includes(name)) {
    throw new ApiError(404, 'extract_not_found', `no extract ${JSON.stringify(file)} (available: ${IMMUNISATION_EXTRACTS.map((n) => `${n}.parquet`).join(', ')})`);
  }
  requireEventData(ctx, `The ${name} extract`);
  const scope = extractScope(ctx.caller);
  if (scope.kind !== 'public') ctx.returned?.('practice');
  const target = path.join(EXTRACT_CACHE_DIR, `${ctx.release.manifest.id}-${contentKey(ctx.release)}-${name}-${scopeKey(scope)}.parquet`);
  let bytes = await sizeOf(target);
  if (bytes === null) {
    let build = building.get(target);
    if (!build) {
      build = buildExtract(ctx.release, name as ImmunisationExtract, scope, target).finally(() => building.delete(target));
      building.set(target, build);
    }
    await build;
    bytes = (await sizeOf(target))!;
  }
  return { name: name as ImmunisationExtract, path: target, bytes, disclosure: scope.kind === 'public' ? 'suppressed-and-rounded' : 'none' };
}

/** The scope of the caller's extract: the same entitlements as `canSeeArea` and `seesUnrounded`. */
export function extractScope(caller: Caller): ExtractScope {
  if (caller.role === 'region' || caller.role === 'admin') return { kind: 'all' };
  if (caller.role === 'ics' && caller.icb) return { kind: 'icb', icb: caller.icb };
  return { kind: 'public' };
}

const scopeKey = (scope: ExtractScope) => (scope.kind === 'icb' ? `icb-${scope.icb}` : scope.kind);

/** A short digest of the release's file checksums, so two releases that share an id never share an extract. */
function contentKey(release: OpenRelease): string {
  const files = release.manifest.files.map((f) => `${f.path}:${f.sha256}`).sort().join('\n');
  return createHash('sha256').update(files).digest('hex').slice(0, 12);
}

async function buildExtract(release: OpenRelease, name: ImmunisationExtract, scope: ExtractScope, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${Date.now()}.partial`;
  try {
    await writeParquetExtract(release.dir, immunisationExtractSql(name, scope, LONDON.code), partial);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
