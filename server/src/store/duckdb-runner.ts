import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlQuery } from '@pathfinder/metrics';
import type { CancellableRunner } from './cancellable-runner.ts';

/**
 * A QueryRunner over a few connections, each lent to one query at a time (DuckDB runs a
 * connection's queries one after another, and an interrupt stops whatever the connection runs, so
 * it must be ours alone). Aborting the signal interrupts the query or takes it out of the queue.
 * BIGINT results come back as numbers.
 */
export function duckDbRunner(pool: readonly DuckDBConnection[]): CancellableRunner & { stop(): Promise<void> } {
  const idle = [...pool];
  /** The queries running, by connection; `stop` interrupts them and waits for them to settle. */
  const running = new Map<DuckDBConnection, Promise<unknown>>();
  let stopped = false;
  const waiting: { grant: (c: DuckDBConnection) => void; refuse: (error: Error) => void }[] = [];
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
        refuse: (error: Error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });

  const stoppedError = () => new Error('the database is closing: no query runs on it any more');

  return {
    async all<Row extends Record<string, unknown>>(query: SqlQuery, options: { signal?: AbortSignal } = {}): Promise<Row[]> {
      const { signal } = options;
      signal?.throwIfAborted();
      if (stopped) throw stoppedError();
      const connection = await acquire(signal);
      if (signal?.aborted || stopped) {
        release(connection);
        throw stopped ? stoppedError() : signal!.reason;
      }
      // An interrupt that lands before DuckDB starts executing is forgotten, so keep interrupting until the query settles.
      let repeat: ReturnType<typeof setInterval> | undefined;
      const interrupt = () => {
        connection.interrupt();
        repeat = setInterval(() => connection.interrupt(), 50);
      };
      signal?.addEventListener('abort', interrupt, { once: true });
      try {
        const answer = connection.runAndReadAll(query.text, [...query.params]);
        running.set(connection, answer);
        const reader = await answer;
        const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
        for (const row of rows) for (const key in row) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
        return rows as Row[];
      } finally {
        running.delete(connection);
        signal?.removeEventListener('abort', interrupt);
        clearInterval(repeat);
        release(connection);
      }
    },

    /**
     * Refuses new queries (and those queued), interrupts the running ones and resolves once none runs.
     * Only then may the connections close: closing one under its query deadlocks DuckDB in the thread
     * that runs it, and the process can then never exit.
     */
    async stop(): Promise<void> {
      stopped = true;
      for (const waiter of waiting.splice(0)) waiter.refuse(stoppedError());
      await interruptUntilSettled(running);
    },
  };
}

/**
 * Interrupts the queries in `running` (each connection's answer) until every one has settled: an
 * interrupt that lands before DuckDB starts a statement, or between two, is forgotten.
 */
export async function interruptUntilSettled(running: ReadonlyMap<DuckDBConnection, Promise<unknown>>): Promise<void> {
  const interruptAll = () => {
    for (const connection of running.keys()) connection.interrupt();
  };
  interruptAll();
  const repeat = setInterval(interruptAll, 50);
  try {
    await Promise.allSettled(running.values());
  } finally {
    clearInterval(repeat);
  }
}
