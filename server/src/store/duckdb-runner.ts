import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlQuery } from '@pathfinder/metrics';
import type { CancellableRunner } from './cancellable-runner.ts';

/**
 * A QueryRunner over a few connections, each lent to one query at a time (DuckDB runs a
 * connection's queries one after another, and an interrupt stops whatever the connection runs, so
 * it must be ours alone). Aborting the signal interrupts the query or takes it out of the queue.
 * BIGINT results come back as numbers.
 */
export function duckDbRunner(pool: readonly DuckDBConnection[]): CancellableRunner {
  const idle = [...pool];
  const waiting: { grant: (c: DuckDBConnection) => void }[] = [];
  const release = (connection: DuckDBConnection) => {
    const next = waiting.shift();
    if (next) next.grant(connection);
    else idle.push(connection);
  };
  const acquire = (signal?: AbortSignal) =>
    new Promise<DuckDBConnection>((resolve, reject) => {
      const free = idle.pop();
      if (free) return resolve(free);
      const waiter = {
        grant: (c: DuckDBConnection) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(c);
        },
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });

  return {
    async all<Row extends Record<string, unknown>>(query: SqlQuery, options: { signal?: AbortSignal } = {}): Promise<Row[]> {
      const { signal } = options;
      signal?.throwIfAborted();
      const connection = await acquire(signal);
      if (signal?.aborted) {
        release(connection);
        throw signal.reason;
      }
      // An interrupt that lands before DuckDB starts executing is forgotten, so keep interrupting until the query settles.
      let repeat: ReturnType<typeof setInterval> | undefined;
      const interrupt = () => {
        connection.interrupt();
        repeat = setInterval(() => connection.interrupt(), 50);
      };
      signal?.addEventListener('abort', interrupt, { once: true });
      try {
        const reader = await connection.runAndReadAll(query.text, [...query.params]);
        const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
        for (const row of rows) for (const key in row) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
        return rows as Row[];
      } finally {
        signal?.removeEventListener('abort', interrupt);
        clearInterval(repeat);
        release(connection);
      }
    },
  };
}
