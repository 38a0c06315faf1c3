import { DuckDBInstance } from '@duckdb/node-api';
import { exploreCrossSql, exploreCubeExtractSql, exploreCubeSql, type QueryRunner } from '@pathfinder/metrics';
import { duckDbRunner } from './duckdb-runner.ts';

/** A caller's borough cube in a DuckDB of its own, with the tables Explore's views query in the browser. */
export interface ExploreCubeDatabase {
  readonly runner: QueryRunner;
  /** Adds the cube's quintile × ethnic group rows (from the file `crossFile` gives), once. */
  withCross(crossFile: () => Promise<string>): Promise<void>;
}

/**
 * Reads the cube extracts a caller downloads (doses and population) into an in-memory DuckDB and
 * builds from them, with the same statements as DuckDB-WASM (`exploreCubeSql`), the tables the
 * views' builders query: so the server's answer of a view is the browser's.
 */
export async function openExploreCubeDatabase(files: { readonly doses: string; readonly population: string }): Promise<ExploreCubeDatabase> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const runner = duckDbRunner([connection]);
  await runner.all(exploreCubeExtractSql('doses', files.doses));
  await runner.all(exploreCubeExtractSql('population', files.population));
  for (const statement of exploreCubeSql()) await runner.all(statement);
  let cross: Promise<void> | undefined;
  return {
    runner,
    withCross: (crossFile) => {
      cross ??= (async () => {
        await runner.all(exploreCubeExtractSql('cross', await crossFile()));
        for (const statement of exploreCrossSql()) await runner.all(statement);
      })().catch((error: unknown) => {
        cross = undefined;
        throw error;
      });
      return cross;
    },
  };
}
