import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ICBS, OBSERVATION_COLUMNS, PUBLIC_OBSERVATION_COLUMNS, RELEASE_LAYOUT, icsObservationsTable, quoteIdentifier, quoteLiteral } from '@pathfinder/metrics';
import type { AreaDirectory } from './area-directory.ts';

/** Views over a release's Parquet files, by the name SQL builders use. */
export const PARQUET_VIEWS: Record<string, string> = {
  areas: RELEASE_LAYOUT.areas,
  children: RELEASE_LAYOUT.children,
  doses: RELEASE_LAYOUT.doses,
};

/** A Parquet file as a view reads it: a view's definition cannot take parameters, so its path is a quoted literal. */
export const parquet = (file: string) => `read_parquet(${quoteLiteral(file)})`;

/**
 * `observations` (exact counts, for callers who may see them) and `public_observations` (the
 * release's public table, for everyone else), with the same columns: the exact rows are never
 * hidden. A release without a public table gets an empty one, so the public is shown nothing
 * rather than exact counts.
 */
export async function createObservationViews(connection: DuckDBConnection, dir: string, listed: ReadonlySet<string>): Promise<void> {
  const exact = path.join(dir, RELEASE_LAYOUT.observations);
  const columns = Object.keys(OBSERVATION_COLUMNS).join(', ');
  await connection.run(listed.has(RELEASE_LAYOUT.observations)
    ? `CREATE VIEW observations AS SELECT ${columns}, false AS numerator_hidden, false AS denominator_hidden FROM ${parquet(exact)}`
    : `CREATE VIEW observations AS SELECT * FROM (SELECT ${Object.entries(PUBLIC_OBSERVATION_COLUMNS).map(([n, t]) => `NULL::${t} AS ${n}`).join(', ')}) WHERE false`);
  const publicTable = path.join(dir, RELEASE_LAYOUT.publicTable);
  if (listed.has(RELEASE_LAYOUT.publicTable)) await connection.run(`CREATE VIEW public_observations AS SELECT ${Object.keys(PUBLIC_OBSERVATION_COLUMNS).join(', ')} FROM ${parquet(publicTable)}`);
  else {
    console.error(JSON.stringify({ level: 'warn', msg: 'release has no public table: the public is shown no counts', dir }));
    await connection.run('CREATE VIEW public_observations AS SELECT * FROM observations WHERE false');
  }
}

/**
 * One view per ICB for its `ics` callers: exact rows of the ICB's own areas (the ICB, its
 * boroughs, PCNs and practices) and the public table's rows of every other area.
 */
export async function createIcsViews(connection: DuckDBConnection, areas: AreaDirectory): Promise<void> {
  await connection.run('CREATE TABLE ics_areas (icb_code VARCHAR, area_code VARCHAR)');
  const appender = await connection.createAppender('ics_areas');
  for (const icb of ICBS) {
    for (const area of (['icb', 'borough', 'pcn', 'practice'] as const).flatMap((type) => areas.list(type))) {
      if (area.icbCode !== icb.code) continue;
      appender.appendVarchar(icb.code);
      appender.appendVarchar(area.code);
      appender.endRow();
    }
  }
  appender.closeSync();
  for (const icb of ICBS) {
    const own = `(SELECT area_code FROM ics_areas WHERE icb_code = ${quoteLiteral(icb.code)})`;
    await connection.run(`CREATE VIEW ${quoteIdentifier(icsObservationsTable(icb.code))} AS
SELECT * FROM observations WHERE area_code IN ${own}
UNION ALL
SELECT * FROM public_observations WHERE area_code NOT IN ${own}`);
  }
}

/** An empty `areas` view for a release without an areas file, with the columns the area directory reads. */
export const EMPTY_AREAS_VIEW = 'CREATE VIEW areas AS SELECT NULL::VARCHAR AS area_code, NULL::VARCHAR AS area_name, NULL::VARCHAR AS area_type, NULL::VARCHAR AS parent_code, NULL::VARCHAR AS borough_code, NULL::VARCHAR AS icb_code, NULL::TINYINT AS deprivation_quintile WHERE false';
