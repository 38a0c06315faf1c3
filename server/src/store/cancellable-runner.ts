import type { QueryRunner, SqlQuery } from '@pathfinder/metrics';

/** A QueryRunner that stops a query when `signal` aborts (the DuckDB one interrupts its connection). Any plain QueryRunner fits, ignoring the signal. */
export interface CancellableRunner extends QueryRunner {
  all<Row extends Record<string, unknown>>(query: SqlQuery, options?: { signal?: AbortSignal }): Promise<Row[]>;
}
