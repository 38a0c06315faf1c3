import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SqlQuery } from '@pathfinder/metrics';

/** An in-memory DuckDB for binding SQL builders over hand-made rows, run as the server runs them (BIGINT as numbers). */
export async function openMemoryDuckDb(): Promise<{ db: DuckDBConnection; rows: (query: SqlQuery) => Promise<Record<string, unknown>[]>; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  return {
    db,
    async rows(query) {
      const out = (await db.runAndReadAll(query.text, [...query.params] as (string | number | null)[])).getRowObjectsJS() as Record<string, unknown>[];
      for (const row of out) for (const key in row) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
      return out;
    },
    close() {
      db.closeSync();
      instance.closeSync();
    },
  };
}
