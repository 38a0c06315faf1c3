import { quoteIdentifier, type SqlQuery } from '@pathfinder/metrics';
import type { CancellableRunner } from './cancellable-runner.ts';

/**
 * Tables made once per release from a query (a campaign's cube), kept in the release's in-memory
 * database and shared by every request. The first callers of a key share one build; a build that
 * fails is forgotten, so the next caller tries again.
 */
export class MaterializedTables {
  private readonly tables = new Map<string, Promise<string>>();
  private made = 0;

  constructor(private readonly runner: CancellableRunner) {}

  /** How many tables are made or being made. */
  get size(): number {
    return this.tables.size;
  }

  /** The name of the table holding `query`'s rows, made on first use of `key`. */
  table(key: string, query: SqlQuery): Promise<string> {
    const known = this.tables.get(key);
    if (known) return known;
    const name = `materialized_${++this.made}`;
    const built = this.runner.all({ text: `CREATE TABLE ${quoteIdentifier(name)} AS ${query.text}`, params: query.params }).then(() => name);
    this.tables.set(key, built);
    built.catch(() => this.tables.delete(key));
    return built;
  }
}
