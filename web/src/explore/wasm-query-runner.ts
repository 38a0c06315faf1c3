import type { AsyncDuckDB, AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import type { QueryRunner, SqlQuery } from '@pathfinder/metrics';

// apache-arrow's Type enum (Type.Date, Type.Timestamp): Arrow JS 17 gives both as epoch milliseconds.
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/**
 * The browser's QueryRunner: runs a SqlQuery on DuckDB-WASM as a prepared statement with its $n
 * parameters bound, and returns plain rows (BIGINT as number, DATE as ISO date, TIMESTAMP as ISO date-time). Statements are
 * prepared once per SQL text and reused.
 */
export class WasmQueryRunner implements QueryRunner {
  private readonly prepared = new Map<string, Promise<AsyncPreparedStatement>>();

  private constructor(private readonly connection: AsyncDuckDBConnection) {}

  /** A runner on a new connection of `db`. */
  static async connect(db: AsyncDuckDB): Promise<WasmQueryRunner> {
    return new WasmQueryRunner(await db.connect());
  }

  async all<Row extends Record<string, unknown>>(query: SqlQuery): Promise<Row[]> {
    let statement = this.prepared.get(query.text);
    if (!statement) {
      statement = this.connection.prepare(query.text);
      this.prepared.set(query.text, statement);
      statement.catch(() => this.prepared.delete(query.text));
    }
    const table = await (await statement).query(...query.params);
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
    for (const statement of this.prepared.values()) await (await statement.catch(() => null))?.close();
    this.prepared.clear();
    await this.connection.close();
  }
}
