import type { SqlParam } from './sql-query.ts';

/**
 * Collects the values of a query while its builder writes the text: each value becomes the next
 * `$n` placeholder, so values never enter the SQL text.
 * @example
 * const p = new SqlParams();
 * const text = `SELECT * FROM doses WHERE vaccine = ${p.add('mmr')} AND dose IN (${p.list([1, 2])})`;
 * // text: "… vaccine = $1 AND dose IN ($2, $3)", p.values: ['mmr', 1, 2]
 */
export class SqlParams {
  readonly values: SqlParam[];

  /** @param before the values of a query this one's text wraps, whose placeholders keep their numbers */
  constructor(before: readonly SqlParam[] = []) {
    this.values = [...before];
  }

  /** The placeholder of one more value. */
  add(value: SqlParam): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Comma-separated placeholders of a non-empty list of values (for `IN (…)`). */
  list(values: readonly SqlParam[]): string {
    if (values.length === 0) throw new Error('an IN list needs at least one value');
    return values.map((v) => this.add(v)).join(', ');
  }
}
