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
 * A Parquet file's rows as Arrow IPC streams, one per row group (optionally only some columns).
 * Decoding needs no DuckDB, so it runs while DuckDB-WASM is still starting.
 */
export async function parquetAsArrowIpc(bytes: Uint8Array, columns?: readonly string[]): Promise<Uint8Array[]> {
  const { ParquetFile } = await parquetWasm();
  const file = await ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const parts: Uint8Array[] = [];
    const count = file.metadata().numRowGroups();
    for (let index = 0; index < count; index++) {
      const table = await file.read({ rowGroups: [index], ...(columns ? { columns: [...columns] } : {}) });
      parts.push(table.intoIPCStream());
    }
    return parts;
  } finally {
    file.free();
  }
}

/** Something that takes Arrow IPC streams into a table (the WASM runner). */
interface ArrowSink {
  insertArrowIpc(ipc: Uint8Array, table: string, create: boolean): Promise<void>;
}

/**
 * Loads row groups (`parquetAsArrowIpc`) into a DuckDB-WASM table: creates the table from the
 * first when `create`, appends otherwise. Calls `onPart(part, parts)` before each.
 */
export async function insertArrowParts(sink: ArrowSink, parts: readonly Uint8Array[], table: string, create: boolean, onPart: (part: number, parts: number) => void = () => undefined): Promise<void> {
  for (const [index, ipc] of parts.entries()) {
    onPart(index + 1, parts.length);
    await sink.insertArrowIpc(ipc, table, create && index === 0);
  }
}
