import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|wasm|svg|json|html)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy of every text and wasm asset next to it, for the
 * server to send to browsers that accept them (`serveStatic({ precompressed: true })`): DuckDB's
 * wasm is 34 MB as it is and 6 MB as Brotli. Quality 5, because 11 takes minutes on that file for
 * 5% less.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'pathfinder-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      await Promise.all(Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name)).map(async (name) => {
        const file = path.resolve(outDir, name);
        const bytes = await readFile(file);
        if (bytes.length < 1024) return;
        const [br, gz] = await Promise.all([
          promisify(brotliCompress)(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          promisify(gzip)(bytes, { level: 6 }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }));
    },
  };
}
