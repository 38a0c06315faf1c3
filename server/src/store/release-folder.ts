import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RELEASE_LAYOUT, parseCurrentPointer, parseReleaseManifest, verifyRelease, type ReleaseFolderReader, type ReleaseManifest, type ReleaseVerification } from '@pathfinder/metrics';
import { fileSha256 } from './file-sha256.ts';

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

  /** Ids of the release folders, valid or not (unfinished builds excluded). */
  async ids(): Promise<string[]> {
    const entries = await readdir(path.join(this.dataDir, RELEASE_LAYOUT.releasesFolder), { withFileTypes: true }).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  }

  async manifest(id: string): Promise<ReleaseManifest> {
    const file = path.join(this.releaseDir(id), RELEASE_LAYOUT.manifestFile);
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw (error as { code?: string }).code === 'ENOENT' ? new Error(`release ${id} not found in ${path.dirname(this.releaseDir(id))}`) : error;
    });
    return parseReleaseManifest(id, text);
  }

  /** Checks every file of release `id` against its manifest (size, then SHA-256). */
  verify(id: string): Promise<ReleaseVerification> {
    return verifyRelease(id, fileReader(this.releaseDir(id)));
  }
}

function fileReader(dir: string): ReleaseFolderReader {
  const full = (file: string) => path.join(dir, ...file.split('/'));
  return {
    readText: (file) => readFile(full(file), 'utf8').catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error))),
    size: (file) => stat(full(file)).then((s) => (s.isFile() ? s.size : null), (error: unknown) => (isMissing(error) ? null : Promise.reject(error))),
    sha256: (file) => fileSha256(full(file)),
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
