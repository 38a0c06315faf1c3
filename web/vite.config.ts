import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { NodePackageImporter } from 'sass';
import { routePreloads } from './vite/route-preloads.ts';

const COMPRESSIBLE = /\.(js|css|wasm|svg|json|html)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy of every text and wasm asset next to it, for the
 * server to send to browsers that accept them (`serveStatic({ precompressed: true })`): DuckDB's
 * wasm is 34 MB as it is and 6 MB as Brotli. Quality 5, because 11 takes minutes on that file for
 * 5% less.
 */
function precompress(): Plugin {
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

export default defineConfig({
  plugins: [react(), precompress(), routePreloads('src/routing/route-tree.tsx')],
  // `pkg:` URLs in SCSS (`@use "pkg:nhsuk-frontend/…"`) resolve through node_modules and package exports.
  css: { preprocessorOptions: { scss: { importers: [new NodePackageImporter()] } } },
  server: { proxy: { '/api': 'http://localhost:8787', '/healthz': 'http://localhost:8787' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, manifest: true, chunkSizeWarningLimit: 1500 },
});
