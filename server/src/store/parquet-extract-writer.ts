import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { copyToParquetSql, type SqlQuery } from '@pathfinder/metrics';

/** The release files an extract reads, as the views its SQL names. */
const EVENT_VIEWS: Record<string, string> = {
  areas: 'areas.parquet',
  children: 'events/children.parquet',
  doses: 'events/doses.parquet',
};

/**
 * Writes a query's rows over a release's event data to a Parquet file (zstd) with DuckDB's COPY, in
 * a DuckDB of its own: a build takes seconds at full scale, and must neither hold one of the
 * request pool's connections nor be cancelled by one request's query deadline.
 * @returns the number of rows written
 */
export async function writeParquetExtract(releaseDir: string, query: SqlQuery, file: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const [view, relative] of Object.entries(EVENT_VIEWS)) {
      await connection.run(`CREATE VIEW ${view} AS SELECT * FROM read_parquet('${path.join(releaseDir, relative).replaceAll("'", "''")}')`);
    }
    const copy = copyToParquetSql(query, file);
    const reader = await connection.runAndReadAll(copy.text, [...copy.params]);
    return Number(reader.getRows()[0]?.[0] ?? 0);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
