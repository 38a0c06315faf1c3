import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TRANSACTION_SQL, USER_DATA_MIGRATIONS, importLegacyDeliveriesSql, createUserDataVersionSql, setUserDataVersionSql, userDataVersionSql } from '@pathfinder/metrics';
import type { CancellableRunner } from '../store/cancellable-runner.ts';
import { duckDbRunner } from '../store/duckdb-runner.ts';

/** The embedded database of the data directory holding everything users write (never inside a release). */
export const USER_DATA_FILE = 'user-data.duckdb';

/** Where alert deliveries were kept before the user-data file: read once into a new user-data file. */
const LEGACY_DELIVERIES_FILE = 'alert-deliveries.duckdb';

/**
 * User-written data, the only mutable state (ARCHITECTURE.md): alert deliveries, annotations and
 * snapshots, in one DuckDB file of the data directory, brought to the current schema version when
 * opened. DuckDB commits to its write-ahead log before a statement returns, so a write that was
 * acknowledged survives the process being killed. DuckDB lets one process write a file: a second
 * server on the same data directory cannot open it (`open` rejects), and goes on without.
 */
export class UserDataFile {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** One connection: writes are few and small, and one connection runs them one after another. */
    readonly runner: CancellableRunner,
  ) {}

  /** Opens (creating when missing) and migrates `file`; `legacyDeliveries`, when it exists, is copied into a new one. */
  static async open(file: string, options: { legacyDeliveries?: string } = {}): Promise<UserDataFile> {
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    const opened = new UserDataFile(instance, connection, duckDbRunner([connection]));
    try {
      const from = await opened.migrate(file);
      if (from === 0 && options.legacyDeliveries && existsSync(options.legacyDeliveries)) {
        for (const step of importLegacyDeliveriesSql(options.legacyDeliveries)) await opened.runner.all(step);
      }
    } catch (error) {
      opened.close();
      throw error;
    }
    return opened;
  }

  /** The schema version the file is at. */
  async version(): Promise<number> {
    const [row] = await this.runner.all<{ version: number | null }>(userDataVersionSql());
    return row?.version ?? 0;
  }

  /** Brings the file to the current version; returns the version it was at (0: new). */
  private async migrate(file: string): Promise<number> {
    await this.runner.all(createUserDataVersionSql());
    const from = await this.version();
    if (from > USER_DATA_MIGRATIONS.length) throw new Error(`${file} is at schema version ${from}, newer than this server knows (${USER_DATA_MIGRATIONS.length}): it was written by a newer Pathfinder Monitor`);
    for (let version = from; version < USER_DATA_MIGRATIONS.length; version++) {
      await this.runner.all(TRANSACTION_SQL.begin);
      try {
        for (const step of USER_DATA_MIGRATIONS[version]!) await this.runner.all(step);
        await this.runner.all(setUserDataVersionSql(version + 1));
        await this.runner.all(TRANSACTION_SQL.commit);
      } catch (error) {
        await this.runner.all(TRANSACTION_SQL.rollback);
        throw error;
      }
    }
    return from;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * The data directory's user-data file for `serve`, or why it cannot be opened (most often another
 * server on the same data directory holds it): the server then goes on without annotations,
 * snapshots and alert delivery rather than not starting.
 */
export async function openUserData(dataDir: string): Promise<{ readonly file: UserDataFile; readonly error: null } | { readonly file: null; readonly error: string }> {
  try {
    return { file: await UserDataFile.open(path.join(dataDir, USER_DATA_FILE), { legacyDeliveries: path.join(dataDir, LEGACY_DELIVERIES_FILE) }), error: null };
  } catch (error) {
    return { file: null, error: error instanceof Error ? error.message : String(error) };
  }
}
