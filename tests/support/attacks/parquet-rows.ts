import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export type ParquetRow = Record<string, string | number | null>;

/** Every row of a Parquet file (as downloaded), read with DuckDB: dates as ISO strings, integers as numbers. */
export async function parquetRows(bytes: Buffer): Promise<ParquetRow[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pf-attack-'));
  const file = path.join(dir, 'extract.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  try {
    await writeFile(file, bytes);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($1)', [file]);
    connection.closeSync();
    return (reader.getRowObjectsJS() as Record<string, unknown>[]).map((row) => {
      const out: ParquetRow = {};
      for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | number | null);
      return out;
    });
  } finally {
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}
