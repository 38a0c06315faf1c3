import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a release folder by hand for the store's tests: one small text file listed in a valid
 * manifest (no Parquet: a release without areas opens with an empty areas view).
 * @returns the release's folder
 */
export async function writeHandMadeRelease(dataDir: string, id: string, createdAt: string, name = 'data.txt'): Promise<string> {
  const dir = path.join(dataDir, 'releases', id);
  await mkdir(dir, { recursive: true });
  const content = `rows of ${id}\n`;
  await writeFile(path.join(dir, name), content);
  const file = { path: name, sha256: createHash('sha256').update(content).digest('hex'), rows: 1, bytes: Buffer.byteLength(content) };
  const manifest = {
    id, createdAt, synthetic: true, dataAsAt: '2024-12-31', source: { kind: 'synthetic', seed: 1, scale: 1, generator: 'test' },
    files: [file], coverage: { indicators: [], firstPeriod: null, lastPeriod: null },
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** Points the data directory's `current` at release `id`. */
export const pointCurrentAt = (dataDir: string, id: string) => writeFile(path.join(dataDir, 'current'), `${id}\n`);
