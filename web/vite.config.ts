import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { NodePackageImporter } from 'sass';
import { precompress } from './vite/precompress.ts';
import { routePreloads } from './vite/route-preloads.ts';

export default defineConfig({
  plugins: [react(), precompress(), routePreloads('src/routing/route-tree.tsx')],
  // `pkg:` URLs in SCSS (`@use "pkg:nhsuk-frontend/…"`) resolve through node_modules and package exports.
  css: { preprocessorOptions: { scss: { importers: [new NodePackageImporter()] } } },
  server: { proxy: { '/api': 'http://localhost:8787', '/healthz': 'http://localhost:8787' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, manifest: true, chunkSizeWarningLimit: 1500 },
});
