import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BOROUGH_CUBE_SOURCE_VIEW, BOROUGHS, IMMUNISATION_EXTRACTS, LONDON, PUBLIC_EXTRACT_VIEW, boroughCubeBreakdowns, boroughCubeSourceSql, boroughCubeSql, immunisationExtractSql,
  isBoroughCube, isMergedForPublic, publicAreaOf, publicExtractOfBoroughSql, publicExtractSql, type ExtractFilter, type ExtractScope, type ImmunisationExtract,
} from '@pathfinder/metrics';
import type { Caller } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { OpenRelease } from '../store/data-store.ts';
import { writeParquetExtract, writePublicParquetExtract } from '../store/parquet-extract-writer.ts';
import { requireEventData } from './event-data.ts';
import type { ServiceContext } from './service-context.ts';
import { areaAccessDenied } from './area-access.ts';

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
 * `ics` its ICB's practices (exact counts, see `immunisationExtractSql` and `boroughCubeSql`),
 * everyone else the public, borough-level, disclosure-controlled version (`publicExtractFile`).
 * `filter.borough` narrows it to one borough, which must be in the caller's scope (an `ics` caller
 * asking for another ICB's borough gets 403). Concurrent first requests share one build; the file
 * appears by an atomic rename, so a reader never sees half of one.
 */
export async function immunisationExtract(ctx: ServiceContext, file: string, filter: ExtractFilter = {}): Promise<ExtractFile> {
  const name = file.endsWith('.parquet') ? file.slice(0, -'.parquet'.length) : null;
  if (!name || !(IMMUNISATION_EXTRACTS as readonly string[]).includes(name)) {
    throw new ApiError(404, 'extract_not_found', `no extract ${JSON.stringify(file)} (available: ${IMMUNISATION_EXTRACTS.map((n) => `${n}.parquet`).join(', ')})`);
  }
  const extract = name as ImmunisationExtract;
  requireEventData(ctx, `The ${name} extract`);
  const scope = extractScope(ctx.caller);
  if (filter.borough) requireBoroughInScope(ctx, scope, filter.borough);
  if (isBoroughCube(extract) && !boroughCubeBreakdowns(extract, scope)) {
    throw new ApiError(401, 'forbidden_extract', `the ${name} extract (deprivation quintile × ethnic group) needs a token for a role that may see exact counts (ics for its own ICB, region, admin)`);
  }
  if (scope.kind === 'public') return publicExtractFile(ctx.release, extract, filter);
  if (!isBoroughCube(extract)) ctx.returned?.('practice');
  if (!isBoroughCube(extract) && filter.borough) {
    const file = await practiceDetailOfBorough(ctx.release, extract, filter.borough);
    if (file) return { name: extract, path: file, bytes: (await sizeOf(file))!, disclosure: 'none' };
  }
  const target = cacheFile(ctx.release, `${name}-${scopeKey(scope)}${filter.borough ? `-borough-${filter.borough}` : ''}`);
  const bytes = await built(target, async (partial) => {
    if (!isBoroughCube(extract)) {
      await writeParquetExtract(ctx.release.dir, immunisationExtractSql(extract, scope, LONDON.code, filter), partial);
      return;
    }
    await writeParquetExtract(ctx.release.dir, boroughCubeSql(extract, scope, filter), partial, { [BOROUGH_CUBE_SOURCE_VIEW]: await boroughCubeSource(ctx.release, cubeMeasure(extract)) });
  });
  return { name: extract, path: target, bytes, disclosure: 'none' };
}

/**
 * Public files are named after how they were made, so a file made by an earlier method (in a cache
 * shared by processes of other versions) is never served as this one.
 */
const PUBLIC_METHOD = 'public-complementary';

/**
 * The public file of an extract: the public `immunisation-weekly` or `immunisation-population`
 * extract of the release (`publicExtract`), or a cut of it: one borough's rows, or a borough cube
 * (its rows less sex, `boroughCubeSql`). Every public file is cut from those two, so a cell has one
 * published count whichever file shows it, and no file adds a sum to subtract.
 */
async function publicExtractFile(release: OpenRelease, extract: ImmunisationExtract, filter: ExtractFilter): Promise<ExtractFile> {
  const whole = await publicExtract(release, cubeMeasure(extract) === 'doses' ? 'immunisation-weekly' : 'immunisation-population');
  const disclosure = 'suppressed-and-rounded';
  if (!isBoroughCube(extract) && !filter.borough) return { name: extract, path: whole, bytes: (await sizeOf(whole))!, disclosure };
  const target = cacheFile(release, `${extract}-${PUBLIC_METHOD}${filter.borough ? `-borough-${filter.borough}` : ''}`);
  const bytes = await built(target, async (partial) => {
    if (isBoroughCube(extract)) await writeParquetExtract(release.dir, boroughCubeSql(extract, { kind: 'public' }, filter), partial, { [BOROUGH_CUBE_SOURCE_VIEW]: whole });
    else await writeParquetExtract(release.dir, publicExtractOfBoroughSql(filter.borough!), partial, { [PUBLIC_EXTRACT_VIEW]: whole });
  });
  return { name: extract, path: target, bytes, disclosure };
}

/**
 * The public `immunisation-weekly` or `immunisation-population` extract of a release, built once
 * from its borough cube source with complementary suppression (`publicExtractSql`,
 * `writePublicParquetExtract`).
 */
async function publicExtract(release: OpenRelease, name: 'immunisation-weekly' | 'immunisation-population'): Promise<string> {
  const target = cacheFile(release, `${name}-${PUBLIC_METHOD}`);
  const source = await boroughCubeSource(release, name === 'immunisation-weekly' ? 'doses' : 'population');
  await built(target, (partial) => writePublicParquetExtract(release.dir, publicExtractSql(name), partial, { [BOROUGH_CUBE_SOURCE_VIEW]: source }).then(() => undefined));
  return target;
}

/** What an extract counts: doses (the weekly extract and the monthly cubes) or children (the population ones). */
const cubeMeasure = (extract: ImmunisationExtract): 'doses' | 'population' => (extract === 'immunisation-population' || extract === 'immunisation-borough-population' ? 'population' : 'doses');

/** The scope of the caller's extract: the same entitlements as `canSeeArea` and `seesUnrounded`. */
function extractScope(caller: Caller): ExtractScope {
  if (caller.role === 'region' || caller.role === 'admin') return { kind: 'all' };
  if (caller.role === 'ics' && caller.icb) return { kind: 'icb', icb: caller.icb };
  return { kind: 'public' };
}

function requireBoroughInScope(ctx: ServiceContext, scope: ExtractScope, code: string): void {
  const area = ctx.release.areas.get(code);
  if (!area) throw ApiError.notFound('area', code);
  if (area.type !== 'borough') throw new ApiError(400, 'invalid_parameter', `borough must be a borough's code (${code} is a ${area.type})`);
  if (scope.kind === 'public' && isMergedForPublic(code)) {
    const into = publicAreaOf(code);
    throw new ApiError(400, 'invalid_parameter', `borough ${code}: the public extracts count ${area.name} within ${ctx.release.areas.get(into)?.name ?? into} (borough=${into}), as it has too few practices to publish on its own`);
  }
  if (scope.kind === 'icb' && area.icbCode !== scope.icb) {
    throw areaAccessDenied(ctx.caller, `exact counts of borough ${code} are outside your ICB (${scope.icb}): an ics token gets its own ICB's boroughs only`);
  }
}

/**
 * Builds (once per release) and returns the file of exact counts that the cube extracts and the
 * public extract of `measure` are cut from: one scan of the events serves every scope, borough and breakdown.
 */
async function boroughCubeSource(release: OpenRelease, measure: 'doses' | 'population'): Promise<string> {
  const target = cacheFile(release, `borough-cube-source-with-sex-${measure}`);
  await built(target, (partial) => writeParquetExtract(release.dir, boroughCubeSourceSql(measure, LONDON.code), partial).then(() => undefined));
  return target;
}

/**
 * The file of one borough's practice-level rows, cut with every other borough's in one scan of the
 * events the first time any is asked for (the same rows for every caller whose scope has the
 * borough). Null when the cut has no single file for it (a borough with no rows): the caller then
 * builds that borough's file on its own.
 */
async function practiceDetailOfBorough(release: OpenRelease, extract: 'immunisation-weekly' | 'immunisation-population', borough: string): Promise<string | null> {
  const dir = cacheFile(release, `${extract}-by-borough`).replace(/\.parquet$/, '');
  await builtFolder(dir, (partial) => writeParquetExtract(release.dir, immunisationExtractSql(extract, { kind: 'all' }, LONDON.code), partial, {}, { partitionBy: 'borough_code' }).then(() => undefined));
  const partition = path.join(dir, `borough_code=${borough}`);
  const files = await readdir(partition).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return files.length === 1 ? path.join(partition, files[0]!) : null;
}

/**
 * Builds the borough cubes Explore opens with, for the public and for all of London, so the first
 * visitor after a release switch does not wait for a scan of the events. Meant to run in the
 * background: a request that needs a cube meanwhile waits for the same build.
 */
export async function prepareExploreCubes(release: OpenRelease): Promise<void> {
  if (!release.hasEvents) return;
  const ctx = (caller: Caller): ServiceContext => ({ release, caller });
  for (const name of ['immunisation-borough-monthly', 'immunisation-borough-population'] as const) {
    await immunisationExtract(ctx({ role: 'public', icb: null, subject: null }), `${name}.parquet`);
    await immunisationExtract(ctx({ role: 'region', icb: null, subject: null }), `${name}.parquet`);
  }
  // Then the practice detail a drill-down asks for, a borough at a time.
  for (const extract of ['immunisation-population', 'immunisation-weekly'] as const) await practiceDetailOfBorough(release, extract, BOROUGHS[0]!.code);
}

const scopeKey = (scope: ExtractScope) => (scope.kind === 'icb' ? `icb-${scope.icb}` : scope.kind);

/** A file in the cache named after the release (id and content) and `what`. */
const cacheFile = (release: OpenRelease, what: string): string => path.join(EXTRACT_CACHE_DIR, `${release.manifest.id}-${contentKey(release)}-${what}.parquet`);

/** A short digest of the release's file checksums, so two releases that share an id never share an extract. */
function contentKey(release: OpenRelease): string {
  const files = release.manifest.files.map((f) => `${f.path}:${f.sha256}`).sort().join('\n');
  return createHash('sha256').update(files).digest('hex').slice(0, 12);
}

/** The size of `target`, made first by `build` (into a partial file, then renamed) unless it exists; concurrent callers share one build. */
async function built(target: string, build: (partial: string) => Promise<void>): Promise<number> {
  await buildOnce(target, build, (partial) => rename(partial, target));
  return (await sizeOf(target))!;
}

/** `built` for a folder: made by `build` into a partial folder, then renamed; an existing folder (another process's build) wins. */
function builtFolder(target: string, build: (partial: string) => Promise<void>): Promise<void> {
  return buildOnce(target, build, (partial) =>
    rename(partial, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    }),
  );
}

/** Runs `build` into a partial path and `publish`es it, unless `target` exists; concurrent callers share one build. */
async function buildOnce(target: string, build: (partial: string) => Promise<void>, publish: (partial: string) => Promise<void>): Promise<void> {
  if ((await sizeOf(target)) !== null) return;
  let pending = building.get(target);
  if (!pending) {
    pending = (async () => {
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.${Date.now()}.partial`;
      try {
        await build(partial);
        await publish(partial);
      } finally {
        await rm(partial, { recursive: true, force: true });
      }
    })().finally(() => building.delete(target));
    building.set(target, pending);
  }
  await pending;
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

