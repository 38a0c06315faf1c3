import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { interruptUntilSettled } from './duckdb-runner.ts';
import { PUBLIC_EXTRACT_TABLES, RELEASE_LAYOUT, copyToParquetSql, discloseBreakdownStars, quoteIdentifier, quoteLiteral, type PublicExtractPlan, type SqlQuery } from '@pathfinder/metrics';

/** The release files an extract reads, as the views its SQL names. */
const EVENT_VIEWS: Record<string, string> = {
  areas: RELEASE_LAYOUT.areas,
  children: RELEASE_LAYOUT.children,
  doses: RELEASE_LAYOUT.doses,
};

/**
 * Writes a query's rows over a release's event data to a Parquet file (zstd) with DuckDB's COPY, in
 * a DuckDB of its own: a build takes seconds at full scale, and must neither hold one of the
 * request pool's connections nor be cancelled by one request's query deadline.
 * @param views more views the query reads: name → absolute path of a Parquet file (an extract built before)
 * @param options.partitionBy write a folder with a file per value of this column instead (see `copyToParquetSql`)
 * @returns the number of rows written
 */
export function writeParquetExtract(releaseDir: string, query: SqlQuery, file: string, views: Record<string, string> = {}, options: { partitionBy?: 'borough_code' } = {}): Promise<number> {
  return withExtractDatabase(releaseDir, views, (connection) => copyToParquet(connection, query, file, options));
}

/** Rows handled between two yields to the event loop while a public extract is built. */
const ROWS_PER_TURN = 20_000;

/**
 * Builds a public extract (`publicExtractSql`) into a Parquet file, in a DuckDB of its own as
 * `writeParquetExtract`: the exact cells go to a table, `discloseBreakdownStars` decides which to
 * hide (it needs every cell of a star at once, which SQL cannot express), their ids go back to a
 * table, and COPY writes the cells with their published counts. The JavaScript part runs a few
 * whole stars at a time and yields in between, so requests are answered meanwhile.
 * @param views the views the plan reads (the borough cube source)
 * @returns the number of rows written
 */
export function writePublicParquetExtract(releaseDir: string, plan: PublicExtractPlan, file: string, views: Record<string, string>): Promise<number> {
  return withExtractDatabase(releaseDir, views, async (connection) => {
    await connection.run(plan.cells.text, [...plan.cells.params]);
    const cells = await readCells(connection, plan.toDisclose);
    await connection.run(plan.hidden.text, [...plan.hidden.params]);
    const appender = await connection.createAppender(PUBLIC_EXTRACT_TABLES.hidden);
    const rows = cells.cell.length;
    for (let start = 0; start < rows; ) {
      let end = Math.min(start + ROWS_PER_TURN, rows);
      while (end < rows && cells.star[end] === cells.star[end - 1]) end++;
      const batch = cells.star.slice(start, end).map((star, k) => ({ star, breakdown: cells.breakdown[start + k]!, count: cells.count[start + k]! }));
      discloseBreakdownStars(batch).forEach((shown, k) => {
        if (shown !== null) return;
        appender.appendInteger(cells.cell[start + k]!);
        appender.endRow();
      });
      start = end;
      await nextTurn();
    }
    appender.closeSync();
    return copyToParquet(connection, plan.published, file);
  });
}

/** The columns of the cells `plan.toDisclose` lists (each star's together), read a chunk at a time with yields in between. */
async function readCells(connection: DuckDBConnection, query: SqlQuery) {
  const result = await connection.stream(query.text, [...query.params]);
  const cells = { cell: [] as number[], star: [] as number[], breakdown: [] as string[], count: [] as number[] };
  const columns = [cells.cell, cells.star, cells.breakdown, cells.count] as unknown[][];
  let sinceYield = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    columns.forEach((column, i) => {
      for (const value of chunk!.getColumnValues(i)) column.push(value);
    });
    sinceYield += chunk.rowCount;
    if (sinceYield >= ROWS_PER_TURN) {
      sinceYield = 0;
      await nextTurn();
    }
  }
  return cells;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function copyToParquet(connection: DuckDBConnection, query: SqlQuery, file: string, options: { partitionBy?: 'borough_code' } = {}): Promise<number> {
  const copy = copyToParquetSql(query, file, options);
  const reader = await connection.runAndReadAll(copy.text, [...copy.params]);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** The connections of the extract builds in flight, so a stopping server can cut them short (`stopExtractBuilds`). */
const building = new Map<DuckDBConnection, Promise<unknown>>();

/**
 * Interrupts every extract build in flight and waits until each has given up. A server stops with this:
 * a process that exits while DuckDB is still writing an extract hangs in the database's teardown. The
 * half-written file is a `.partial` one, which the next build replaces.
 */
export function stopExtractBuilds(): Promise<void> {
  return interruptUntilSettled(building);
}

/** Runs `work` in an in-memory DuckDB with a view per release event file and per entry of `views`. */
async function withExtractDatabase<T>(releaseDir: string, views: Record<string, string>, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const build = (async () => {
    const files = { ...Object.fromEntries(Object.entries(EVENT_VIEWS).map(([view, relative]) => [view, path.join(releaseDir, relative)])), ...views };
    for (const [view, full] of Object.entries(files)) {
      // A view's definition cannot take parameters: the path is a quoted literal.
      await connection.run(`CREATE VIEW ${quoteIdentifier(view)} AS SELECT * FROM read_parquet(${quoteLiteral(full)})`);
    }
    return await work(connection);
  })();
  building.set(connection, build);
  try {
    return await build;
  } finally {
    building.delete(connection);
    connection.closeSync();
    instance.closeSync();
  }
}
