import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RELEASE_LAYOUT, newestReleaseFirst, type ReleaseManifest } from '@pathfinder/metrics';
import type { ReleaseFolder } from './release-folder.ts';

interface Known {
  /** Size and modification time of the manifest when it was read. */
  readonly stamp: string;
  readonly manifest: ReleaseManifest | null;
}

/**
 * The manifests of every release in the data directory, newest first. The folder is listed on every
 * call (a release published while the server runs appears at once) but a manifest is read again only
 * when it changes. A manifest that cannot be read is left out, and logged once.
 */
export class ReleaseListing {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly folder: ReleaseFolder,
    private readonly warn: (line: Record<string, unknown>) => void = (line) => console.error(JSON.stringify(line)),
  ) {}

  async manifests(): Promise<ReleaseManifest[]> {
    const ids = await this.folder.ids();
    for (const id of this.known.keys()) if (!ids.includes(id)) this.known.delete(id);
    const manifests = await Promise.all(ids.map((id) => this.manifest(id)));
    return manifests.filter((m) => m !== null).sort(newestReleaseFirst);
  }

  /** Whether the data directory has a release folder `id` (readable or not). */
  async has(id: string): Promise<boolean> {
    return (await this.folder.ids()).includes(id);
  }

  private async manifest(id: string): Promise<ReleaseManifest | null> {
    const file = path.join(this.folder.releaseDir(id), RELEASE_LAYOUT.manifestFile);
    const s = await stat(file).catch(() => null);
    const stamp = s ? `${s.size}:${s.mtimeMs}` : 'missing';
    const known = this.known.get(id);
    if (known?.stamp === stamp) return known.manifest;
    let manifest: ReleaseManifest | null = null;
    try {
      manifest = await this.folder.manifest(id);
    } catch (error) {
      this.warn({ level: 'warn', msg: 'release left out of the list: its manifest cannot be read', release: id, error: error instanceof Error ? error.message : String(error) });
    }
    this.known.set(id, { stamp, manifest });
    return manifest;
  }
}
