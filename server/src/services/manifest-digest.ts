import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RELEASE_LAYOUT } from '@pathfinder/metrics';
import type { OpenRelease } from '../store/data-store.ts';

// A release folder never changes once published, so its manifest is hashed once per folder.
const digests = new Map<string, Promise<string>>();

/** SHA-256 (hex) of the bytes of a release's manifest.json: the one figure that pins every file of the release. */
export function manifestSha256(release: Pick<OpenRelease, 'dir'>): Promise<string> {
  let digest = digests.get(release.dir);
  if (!digest) {
    digest = readFile(path.join(release.dir, RELEASE_LAYOUT.manifestFile)).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
    digest.catch(() => digests.delete(release.dir));
    digests.set(release.dir, digest);
  }
  return digest;
}
