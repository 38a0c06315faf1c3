import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseStore, sha256File } from '@pathfinder/fixtures';

/** Names of unfinished release folders (`releases/.building-*`) in a data directory. */
export async function buildingFolders(dataDir: string): Promise<string[]> {
  const names = await readdir(new ReleaseStore(dataDir).releasesDir).catch(() => []);
  return names.filter((n) => n.startsWith('.building-'));
}

/**
 * What is wrong with a published release: a manifest that does not validate (thrown by
 * ReleaseStore.manifest), a listed file that is missing or whose size or SHA-256 differs, or a file
 * the manifest does not list. Empty for a complete release.
 */
export async function releaseProblems(dataDir: string, id: string): Promise<string[]> {
  const store = new ReleaseStore(dataDir);
  const manifest = await store.manifest(id);
  const dir = store.releaseDir(id);
  const onDisk = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  const problems: string[] = [];
  if (manifest.id !== id) problems.push(`manifest id ${manifest.id} in folder ${id}`);
  for (const file of manifest.files) {
    const full = path.join(dir, file.path);
    if (!onDisk.includes(file.path)) {
      problems.push(`${file.path}: listed but missing`);
      continue;
    }
    const [bytes, sha256] = [(await stat(full)).size, await sha256File(full)];
    if (bytes !== file.bytes) problems.push(`${file.path}: ${bytes} bytes, the manifest says ${file.bytes}`);
    if (sha256 !== file.sha256) problems.push(`${file.path}: SHA-256 ${sha256}, the manifest says ${file.sha256}`);
  }
  const listed = new Set(['manifest.json', ...manifest.files.map((f) => f.path)]);
  for (const file of onDisk) if (!listed.has(file)) problems.push(`${file}: not in the manifest`);
  return problems;
}
