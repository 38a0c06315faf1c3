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

/** Names of the release's tables as the QueryRunner exposes them. */
export const TABLES = { observations: 'observations', publicObservations: 'public_observations' } as const;

/** The view an `ics` caller of this ICB reads: its own areas exact, every other area from the public table. */
export const icsObservationsTable = (icbCode: string) => `ics_observations_${icbCode}`;
