import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './figures.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * JavaScript the first page (Overview, "/") needs, gzip-compressed: the entry chunk, everything it
 * imports statically, and the Overview view's lazy chunk with its static imports. Read from Vite's
 * build manifest, so a chunk that sneaks onto the critical path is counted.
 */
export function firstPageJs(): { bytes: number; files: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  if (!entry) throw new Error('no entry chunk in the build manifest');
  visit(entry);
  const overview = Object.keys(manifest).find((k) => k.endsWith('views/overview-page.tsx'));
  if (overview) visit(overview);
  const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipSync(readFileSync(path.join(WEB_DIST, f)), { level: 9 }).length, 0);
  return { bytes, files: [...files] };
}

export function bundleBench(): Figure[] {
  const { bytes } = firstPageJs();
  return [figure('browser: first-page JS (gzip)', [bytes / 1024], 'KB', '≤ 200')];
}
