import { describe, expect, it } from 'vitest';
import type { OpenRelease } from './data-store.ts';
import { MaterializedTables } from './materialized-tables.ts';
import { perReleaseMemo } from './per-release-memo.ts';

const release = () => ({ tables: new MaterializedTables({} as OpenRelease['runner']) }) as unknown as OpenRelease;

describe('perReleaseMemo', () => {
  it('builds once per release and key, for every request view of the release', async () => {
    let builds = 0;
    const memo = perReleaseMemo(async (_release, key: { id: string }) => `${key.id}#${++builds}`);
    const opened = release();
    // What a request's deadline or an ICS caller's areas make of it: a new object over the same release.
    const view = { ...opened, runner: {} } as OpenRelease;
    expect(await memo(opened, { id: 'a' })).toBe('a#1');
    expect(await memo(view, { id: 'a' })).toBe('a#1');
    expect(await memo(view, { id: 'b' })).toBe('b#2');
    expect(await memo(release(), { id: 'a' })).toBe('a#3');
  });

  it('forgets a failed build, so the next caller tries again', async () => {
    let calls = 0;
    const memo = perReleaseMemo(async () => {
      if (++calls === 1) throw new Error('deadline');
      return calls;
    });
    const opened = release();
    await expect(memo(opened, 'k')).rejects.toThrow('deadline');
    expect(await memo(opened, 'k')).toBe(2);
  });
});
