import { csvRecords, type CsvRecord } from '@pathfinder/fixtures';
import { UsageError } from '../cli-options.ts';
import { parseDecimal } from './parse-decimal.ts';

const UNREADABLE: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a folder, not a CSV file', EACCES: 'permission denied' };

/** Invalid input data: the message names the file, line and column. The command exits with code 2. */
export class InputError extends Error {}

/**
 * The `--in` CSV of a compute method: its header, checked to hold the method's columns, and its data
 * records, each checked to have one field per column. Field readers validate and name line and column.
 */
export class InputCsv<C extends string> {
  private constructor(
    readonly file: string,
    readonly header: readonly string[],
    private readonly index: Readonly<Partial<Record<C, number>>>,
    private readonly records: AsyncGenerator<CsvRecord>,
  ) {}

  /** Reads the header of `file`; InputError when a required column is missing or a column named twice. */
  static async open<C extends string>(file: string, columns: readonly C[], optional: readonly C[] = []): Promise<InputCsv<C>> {
    const records = csvRecords(file);
    let first: IteratorResult<CsvRecord>;
    try {
      first = await records.next();
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (code in UNREADABLE) throw new UsageError(`--in ${file}: ${UNREADABLE[code]}`);
      throw error;
    }
    if (first.done) throw new InputError(`${file}: the file is empty; it needs a header line with the columns ${columns.join(',')}`);
    const header = first.value.fields;
    const index: Partial<Record<C, number>> = {};
    try {
      for (const column of [...columns, ...optional]) {
        const at = header.indexOf(column);
        if (at < 0 && columns.includes(column)) throw new InputError(`${file} line 1: missing column "${column}" (needs ${columns.join(',')}; has ${header.join(',')})`);
        if (at < 0) continue;
        if (header.indexOf(column, at + 1) >= 0) throw new InputError(`${file} line 1: column "${column}" appears twice`);
        index[column] = at;
      }
    } catch (error) {
      await records.return(undefined);
      throw error;
    }
    return new InputCsv(file, header, index, records);
  }

  /** Stops reading the file (needed only when the rows were not read to the end). */
  async close(): Promise<void> {
    await this.records.return(undefined);
  }

  /** The data records in file order. */
  async *rows(): AsyncGenerator<CsvRecord> {
    for await (const record of this.records) {
      if (record.fields.length !== this.header.length) {
        throw new InputError(`${this.file} line ${record.line}: ${record.fields.length} fields, but the header has ${this.header.length} columns`);
      }
      yield record;
    }
  }

  /** The input header followed by `added`; InputError when the input already has one of them. */
  headerWith(added: readonly string[]): string[] {
    const clash = added.find((column) => this.header.includes(column));
    if (clash) throw new InputError(`${this.file} line 1: the input already has a column "${clash}", which this method writes`);
    return [...this.header, ...added];
  }

  /** Whether the file has the column (always true for a required one). */
  has(column: C): boolean {
    return this.index[column] !== undefined;
  }

  text(row: CsvRecord, column: C): string {
    const at = this.index[column];
    if (at === undefined) throw new Error(`${this.file} has no column "${column}"; check has() before reading an optional column`);
    return row.fields[at]!;
  }

  /** The field as a number; null when empty. */
  number(row: CsvRecord, column: C): number | null {
    const text = this.text(row, column);
    if (text.trim() === '') return null;
    const n = parseDecimal(text);
    if (n === undefined) throw this.error(row, column, `expected a number (got ${JSON.stringify(text)})`);
    return n;
  }

  /** The field as a number ≥ 0; null when empty. */
  count(row: CsvRecord, column: C): number | null {
    const n = this.number(row, column);
    if (n !== null && n < 0) throw this.error(row, column, `must be ≥ 0 (got ${n})`);
    return n;
  }

  /** The field as a number > 0; null when empty. */
  positive(row: CsvRecord, column: C): number | null {
    const n = this.number(row, column);
    if (n !== null && n <= 0) throw this.error(row, column, `must be > 0 (got ${n})`);
    return n;
  }

  /** `value` unless it is null, which is an error naming the empty field. */
  required<T>(row: CsvRecord, column: C, value: T | null, why: string): T {
    if (value === null) throw this.error(row, column, `is empty (${why})`);
    return value;
  }

  /** An InputError naming the file, the record's line and the column. */
  error(row: CsvRecord, column: C, problem: string): InputError {
    return new InputError(`${this.file} line ${row.line}, column "${column}": ${problem}`);
  }
}
