import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

type ParquetWasm = typeof import('parquet-wasm/esm');
let ready: Promise<ParquetWasm> | undefined;

// DuckDB-WASM 1.32 has no Parquet reader built in: `read_parquet` autoloads the parquet extension
// from extensions.duckdb.org, which the CSP (connect-src 'self') and NHS networks forbid. So the
// extract is decoded by parquet-wasm (its wasm a Vite asset like DuckDB's) and handed over as Arrow.
function parquetWasm(): Promise<ParquetWasm> {
  ready ??= (async () => {
    const module = await import('parquet-wasm/esm');
    await module.default({ module_or_path: parquetWasmUrl });
    return module;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/**
 * Yields a Parquet file's rows as Arrow IPC streams, one per row group, so a large extract never
 * needs all its rows decoded in memory at once.
 */
export async function* parquetAsArrowBatches(bytes: Uint8Array): AsyncGenerator<{ ipc: Uint8Array; index: number; count: number }> {
  const { ParquetFile } = await parquetWasm();
  const file = await ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const count = file.metadata().numRowGroups();
    for (let index = 0; index < count; index++) {
      const table = await file.read({ rowGroups: [index] });
      yield { ipc: table.intoIPCStream(), index, count };
    }
  } finally {
    file.free();
  }
}
