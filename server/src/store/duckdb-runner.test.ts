import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ApiError } from '../http/api-error.ts';
import { withQueryTimeout } from '../http/query-timeout.ts';
import { duckDbRunner } from './duckdb-runner.ts';

/** A cross join DuckDB needs minutes for: only an interrupt ends it quickly. */
const HEAVY = { text: 'SELECT count(*) AS n FROM range(100000000000) a, range(10) b WHERE a.range % 7 = b.range', params: [] };
const QUICK = { text: 'SELECT 42 AS answer', params: [] };

let instance: DuckDBInstance;
let pool: DuckDBConnection[];
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  pool = [await instance.connect()];
});
afterAll(() => {
  for (const c of pool) c.closeSync();
  instance.closeSync();
});

describe('duckDbRunner', () => {
  it('returns rows with BIGINT as numbers', async () => {
    expect(await duckDbRunner(pool).all({ text: 'SELECT 2::BIGINT * $1 AS n', params: [21] })).toEqual([{ n: 42 }]);
  });

  it('interrupts the running query when its signal aborts, and the connection answers the next query', async () => {
    const runner = duckDbRunner(pool);
    const started = performance.now();
    await expect(runner.all(HEAVY, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/interrupt/i);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await runner.all(QUICK)).toEqual([{ answer: 42 }]);
  });

  it('takes a query waiting for a busy connection out of the queue when its signal aborts', async () => {
    const runner = duckDbRunner(pool);
    const heavy = new AbortController();
    const running = runner.all(HEAVY, { signal: heavy.signal });
    const queued = new AbortController();
    const waiting = runner.all(QUICK, { signal: queued.signal });
    queued.abort(new Error('gave up waiting'));
    await expect(waiting).rejects.toThrow('gave up waiting');
    heavy.abort();
    await expect(running).rejects.toThrow();
    expect(await runner.all(QUICK)).toEqual([{ answer: 42 }]);
  });
});

describe('withQueryTimeout over DuckDB', () => {
  it('gives up after the deadline with a 503 query_timeout and frees the connection', async () => {
    const runner = withQueryTimeout(duckDbRunner(pool), 100);
    const error = await runner.all(HEAVY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'query_timeout' });
    expect(await runner.all(QUICK)).toEqual([{ answer: 42 }]);
  });

  it('stops: interrupts the running query, refuses the queued and any new one, and resolves once nothing runs', async () => {
    const runner = duckDbRunner(pool);
    // Their outcomes are awaited only after the stop: expect them first, so neither rejection goes unhandled meanwhile.
    const running = expect(runner.all(HEAVY)).rejects.toThrow(/interrupt/i);
    const queued = expect(runner.all(QUICK)).rejects.toThrow('the database is closing');
    await new Promise((r) => setTimeout(r, 100));
    await runner.stop();
    await running;
    await queued;
    await expect(runner.all(QUICK)).rejects.toThrow('the database is closing');
    // The connection is free again: another runner over it answers.
    expect(await duckDbRunner(pool).all(QUICK)).toEqual([{ answer: 42 }]);
  });
});
