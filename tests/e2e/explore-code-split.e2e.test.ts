import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPageJs, WEB_DIST } from '../bench/bundle-bench.ts';
import { url } from './browser-session.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

// Reads the build's manifest (web/dist/.vite/manifest.json), so it runs with the browser tests, after `pnpm build`; asks their server what it sends.
describe('Explore code splitting', () => {
  const manifest = JSON.parse(readFileSync(path.join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

  it('keeps DuckDB-WASM and the Parquet decoder out of the first page’s JavaScript', () => {
    const { files } = firstPageJs();
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => /duckdb|parquet|explore/i.test(f))).toEqual([]);
    const entry = Object.values(manifest).find((c) => c.isEntry)!;
    expect([...(entry.imports ?? [])].filter((k) => /duckdb|parquet/i.test(k))).toEqual([]);
  });

  it('loads DuckDB-WASM only from the Explore view, as its own chunk, with the wasm and worker served from our assets', () => {
    const explore = Object.entries(manifest).find(([k]) => k.endsWith('views/explore-page.tsx'))?.[1];
    expect(explore, 'the Explore view is a chunk of its own').toBeDefined();
    expect(explore!.imports?.some((k) => /duckdb/i.test(k))).toBe(false);
    expect(explore!.dynamicImports?.some((k) => k.endsWith('duckdb-browser.mjs'))).toBe(true);
    const assets = Object.values(manifest).map((c) => c.file);
    for (const pattern of [/duckdb-eh-.*\.wasm$/, /duckdb-browser-eh\.worker-.*\.js$/, /parquet_wasm_bg-.*\.wasm$/]) expect(assets.some((f) => pattern.test(f)), String(pattern)).toBe(true);
  });

  it('ships Brotli and gzip copies of DuckDB’s wasm (34 MB as it is), which the server sends to browsers that accept them', async () => {
    const wasm = Object.values(manifest).map((c) => c.file).find((f) => /duckdb-eh-.*\.wasm$/.test(f))!;
    const size = (suffix: string) => statSync(path.join(WEB_DIST, wasm + suffix)).size;
    expect(size('.br')).toBeLessThan(size('') / 4);
    expect(size('.gz')).toBeLessThan(size('') / 3);
    for (const [accept, encoding, suffix] of [['gzip, deflate, br', 'br', '.br'], ['gzip, deflate', 'gzip', '.gz']] as const) {
      const res = await fetch(url(`/${wasm}`), { method: 'HEAD', headers: { 'Accept-Encoding': accept } });
      expect(res.headers.get('content-encoding'), accept).toBe(encoding);
      expect(res.headers.get('content-length'), accept).toBe(String(size(suffix)));
      expect(res.headers.get('content-type')).toBe('application/wasm');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });
});
