import type { QueryRunner, SqlQuery } from '@pathfinder/metrics';

let tail: Promise<unknown> = Promise.resolve();
let sequence = 0;

/**
 * Runs a view's query with the User Timing API: a `pf:query:<view>` measure spans the query in
 * DuckDB-WASM and the rows' conversion. Queries run one after another (the worker would queue them
 * anyway), so a measure never includes the time spent waiting behind another view's query.
 */
export function measuredQuery<Row extends Record<string, unknown>>(runner: QueryRunner, view: string, query: SqlQuery): Promise<Row[]> {
  const run = tail.then(async () => {
    const start = `pf:query:${view}:start:${++sequence}`;
    performance.mark(start);
    try {
      return await runner.all<Row>(query);
    } finally {
      performance.measure(`pf:query:${view}`, start);
      performance.clearMarks(start);
    }
  });
  tail = run.catch(() => undefined);
  return run;
}
