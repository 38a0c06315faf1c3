import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RELEASE_LAYOUT, parseCurrentPointer, parseReleaseManifest, type ReleaseManifest } from '@pathfinder/metrics';

/**
 * The server's read-only view of a data directory (the layout is shared with the release writer in
 * fixtures through metrics; the server never links the writer).
 */
export class ReleaseFolder {
  constructor(readonly dataDir: string) {}

  /** The file naming the current release; watched to switch releases. */
  get pointerFile(): string {
    return path.join(this.dataDir, RELEASE_LAYOUT.currentPointer);
  }

  releaseDir(id: string): string {
    return path.join(this.dataDir, RELEASE_LAYOUT.releasesFolder, id);
  }

  /** Id of the current release, or null when none has been published. */
  async currentId(): Promise<string | null> {
    const text = await readFile(this.pointerFile, 'utf8').catch((error: unknown) => {
      if ((error as { code?: string }).code === 'ENOENT') return '';
      throw error;
    });
    return parseCurrentPointer(text);
  }

  async manifest(id: string): Promise<ReleaseManifest> {
    const file = path.join(this.releaseDir(id), RELEASE_LAYOUT.manifestFile);
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw (error as { code?: string }).code === 'ENOENT' ? new Error(`release ${id} not found in ${path.dirname(this.releaseDir(id))}`) : error;
    });
    return parseReleaseManifest(id, text);
  }
}
