import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ReleaseStore } from '@pathfinder/fixtures';
import { TABLES, quoteIdentifier, type QueryRunner, type ReleaseManifest, type SqlQuery } from '@pathfinder/metrics';

/** A release opened for querying: its manifest and a QueryRunner over its Parquet files. */
export interface OpenRelease {
  readonly manifest: ReleaseManifest;
  readonly runner: QueryRunner;
}

/** Where routes get data from; tests may pass any implementation. */
export interface DataStore {
  current(): OpenRelease;
  close(): Promise<void>;
}

/**
 * DuckDB over the current release of a data directory: an in-memory database whose views point at
 * the release's Parquet files, so the release stays immutable on disk.
 */
export class DuckDbStore implements DataStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly release: OpenRelease,
  ) {}

  static async open(dataDir: string): Promise<DuckDbStore> {
    const releases = new ReleaseStore(dataDir);
    const id = await releases.currentId();
    if (!id) throw new Error(`no current release in ${dataDir}: run \`pnpm pathfinder generate\` or \`pnpm pathfinder import\` first`);
    const manifest = await releases.manifest(id);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const observations = path.join(releases.releaseDir(id), 'observations.parquet');
    await connection.run(`CREATE VIEW ${quoteIdentifier(TABLES.observations)} AS SELECT * FROM read_parquet('${observations.replaceAll("'", "''")}')`);
    const runner: QueryRunner = {
      async all<Row extends Record<string, unknown>>(query: SqlQuery): Promise<Row[]> {
        const reader = await connection.runAndReadAll(query.text, [...query.params]);
        return reader.getRowObjectsJS() as Row[];
      },
    };
    return new DuckDbStore(instance, connection, { manifest, runner });
  }

  current(): OpenRelease {
    return this.release;
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
