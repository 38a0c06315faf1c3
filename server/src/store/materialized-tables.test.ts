import { describe, expect, it } from 'vitest';
import type { SqlQuery } from '@pathfinder/metrics';
import type { CancellableRunner } from './cancellable-runner.ts';
import { MaterializedTables } from './materialized-tables.ts';

/** A runner that records statements and fails the first `failures` of them. */
function recordingRunner(failures = 0) {
  const statements: SqlQuery[] = [];
  const runner: CancellableRunner = {
    all: async <Row extends Record<string, unknown>>(query: SqlQuery) => {
      statements.push(query);
      await new Promise((r) => setTimeout(r, 5));
      if (statements.length <= failures) throw new Error('out of memory');
      return [] as Row[];
    },
  };
  return { runner, statements };
}

const CUBE: SqlQuery = { text: 'SELECT count(*) FROM doses WHERE vaccine = $1', params: ['mmr'] };

describe('MaterializedTables', () => {
  it('makes a table once per key, for every caller at once, with the query’s parameters', async () => {
    const { runner, statements } = recordingRunner();
    const tables = new MaterializedTables(runner);
    const names = await Promise.all([tables.table('mmr', CUBE), tables.table('mmr', CUBE), tables.table('polio', { ...CUBE, params: ['ipv-campaign'] })]);
    expect(names).toEqual(['materialized_1', 'materialized_1', 'materialized_2']);
    expect(statements).toEqual([
      { text: 'CREATE TABLE "materialized_1" AS SELECT count(*) FROM doses WHERE vaccine = $1', params: ['mmr'] },
      { text: 'CREATE TABLE "materialized_2" AS SELECT count(*) FROM doses WHERE vaccine = $1', params: ['ipv-campaign'] },
    ]);
    expect(await tables.table('mmr', CUBE)).toBe('materialized_1');
    expect(statements).toHaveLength(2);
  });

  it('forgets a build that failed, so the next caller builds again', async () => {
    const { runner, statements } = recordingRunner(1);
    const tables = new MaterializedTables(runner);
    await expect(tables.table('mmr', CUBE)).rejects.toThrow('out of memory');
    expect(tables.size).toBe(0);
    expect(await tables.table('mmr', CUBE)).toBe('materialized_2');
    expect(statements).toHaveLength(2);
  });
});
