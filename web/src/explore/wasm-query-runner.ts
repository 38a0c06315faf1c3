import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { inlineParams, type QueryRunner, type SqlQuery } from '@pathfinder/metrics';

// apache-arrow's Type enum (Type.Date, Type.Timestamp): Arrow JS 17 gives both as epoch milliseconds.
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/**
 * The browser's QueryRunner: runs a SqlQuery on DuckDB-WASM with its values written into the text
 * (`inlineParams`), so DuckDB plans each query with them: it then filters in the table scan and
 * folds the period arithmetic once, where a prepared statement's parameters are evaluated row by
 * row (Explore's view queries took half the time, planning included). Returns plain rows (BIGINT
 * as number, DATE as ISO date, TIMESTAMP as ISO date-time).
 */
export class WasmQueryRunner implements QueryRunner {
  private constructor(private readonly connection: AsyncDuckDBConnection) {}

  /** A runner on a new connection of `db`. */
  static async connect(db: AsyncDuckDB): Promise<WasmQueryRunner> {
    return new WasmQueryRunner(await db.connect());
  }

  async all<Row extends Record<string, unknown>>(query: SqlQuery): Promise<Row[]> {
    const table = query.params.length > 0 ? await this.connection.query(inlineParams(query)) : await this.preparedOnce(query.text);
    const dates = table.schema.fields.filter((f) => f.type.typeId === ARROW_DATE || f.type.typeId === ARROW_TIMESTAMP);
    return table.toArray().map((row) => {
      const plain = row.toJSON() as Record<string, unknown>;
      for (const key in plain) if (typeof plain[key] === 'bigint') plain[key] = Number(plain[key]);
      for (const f of dates) {
        const ms = plain[f.name];
        if (typeof ms === 'number') plain[f.name] = new Date(ms).toISOString().slice(0, f.type.typeId === ARROW_DATE ? 10 : 19);
      }
      return plain;
    }) as Row[];
  }

  /**
   * A text without values may be an analyst's (`readOnlySql`): run as a prepared statement, which
   * DuckDB refuses to make of more than one statement, whatever the text hides from our checks.
   */
  private async preparedOnce(text: string) {
    const statement = await this.connection.prepare(text);
    try {
      return await statement.query();
    } finally {
      await statement.close();
    }
  }

  /** Runs statements that return nothing useful (DDL while loading), without parameters. */
  async run(text: string): Promise<void> {
    await this.connection.query(text);
  }

  /** Whether a table of that name exists (in any schema of the database). */
  async tableExists(table: string): Promise<boolean> {
    const [row] = await this.all<{ n: number }>({ text: 'SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = $1', params: [table] });
    return (row?.n ?? 0) > 0;
  }

  /** Appends an Arrow IPC stream's rows to a table, creating the table from its schema when `create`. */
  async insertArrowIpc(ipc: Uint8Array, table: string, create: boolean): Promise<void> {
    await this.connection.insertArrowFromIPCStream(ipc, { name: table, create });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
