/*
 * How every SQL builder of this folder writes its text (the same text runs in @duckdb/node-api on
 * the server and in duckdb-wasm in the browser, whose prepared statements both bind `$n`):
 * - A value that comes from outside the text (an argument, the catalogue, the vaccine schedule, the
 *   geography) is always a positional `$n` parameter, numbered by `SqlParams` as the text is
 *   written, and travels in `params`. No `?` and no `$name`; no value is spliced into the text.
 *   Cast a parameter where its type matters (`$3::DATE`, `$4::INTEGER`): a parameter's type is
 *   inferred from a JavaScript value, and the two runners need not infer the same.
 * - A name (table, view, column) goes through `quoteIdentifier`.
 * - Only where DuckDB cannot take a parameter, a statement it cannot prepare with one (a view's
 *   definition), a value goes through `quoteLiteral`, for instance a Parquet file's path.
 * - A constant that is part of the query's meaning, written once in its text (`breakdown = 'total'`,
 *   a strftime format), is SQL, not a value.
 * - The one other exception is `readOnlySql`'s row limit: the analyst's text may hold placeholders
 *   of its own, so nothing of ours is a parameter there (the limit is an integer we check).
 * - A runner may still plan a query with its values in place (`inlineParams`, as the browser's
 *   does, for speed); builders need not care, as long as their values travel in `params`.
 * Tests bind every builder in a real DuckDB (tests/integration/*-sql.int.test.ts).
 */

/** A parameterised SQL statement: values only ever travel in `params` ($1, $2, … in `text`). */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlParam[];
}

export type SqlParam = string | number | boolean | null;

/** Runs a SqlQuery and returns plain rows; implemented by DuckDB on the server and DuckDB-WASM in the browser. */
export interface QueryRunner {
  all<Row extends Record<string, unknown>>(query: SqlQuery): Promise<Row[]>;
}

/** Quotes an SQL identifier (table or column name) for DuckDB. Values never go through here. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new Error(`invalid SQL identifier: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a string as an SQL literal, for the one place a value cannot be a parameter: a statement
 * DuckDB cannot prepare with one, such as a view's definition ("Unexpected prepared parameter").
 * @example `CREATE VIEW doses AS SELECT * FROM read_parquet(${quoteLiteral(file)})`
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error(`invalid SQL string: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** Names of the release's tables as the QueryRunner exposes them. */
export const TABLES = { observations: 'observations', publicObservations: 'public_observations' } as const;

/** The view an `ics` caller of this ICB reads: its own areas exact, every other area from the public table. */
export const icsObservationsTable = (icbCode: string) => `ics_observations_${icbCode}`;
