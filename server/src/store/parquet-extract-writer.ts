import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { copyToParquetSql, quoteIdentifier, type SqlQuery } from '@pathfinder/metrics';

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
 * @param views more views the query reads: name → absolute path of a Parquet file (an extract built before)
 * @param options.partitionBy write a folder with a file per value of this column instead (see `copyToParquetSql`)
 * @returns the number of rows written
 */
export async function writeParquetExtract(releaseDir: string, query: SqlQuery, file: string, views: Record<string, string> = {}, options: { partitionBy?: 'borough_code' } = {}): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const files = { ...Object.fromEntries(Object.entries(EVENT_VIEWS).map(([view, relative]) => [view, path.join(releaseDir, relative)])), ...views };
    for (const [view, full] of Object.entries(files)) {
      await connection.run(`CREATE VIEW ${quoteIdentifier(view)} AS SELECT * FROM read_parquet('${full.replaceAll("'", "''")}')`);
    }
    const copy = copyToParquetSql(query, file, options);
    const reader = await connection.runAndReadAll(copy.text, [...copy.params]);
    return Number(reader.getRows()[0]?.[0] ?? 0);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
