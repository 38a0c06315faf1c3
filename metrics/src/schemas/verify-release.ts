import { RELEASE_LAYOUT, releaseManifestSchema, type ReleaseManifest } from './release-manifest.ts';

/** One thing wrong with a release folder: the file (as the manifest names it, or `manifest.json`) and what is wrong with it. */
export interface ReleaseProblem {
  readonly file: string;
  readonly problem: string;
}

/** What `verifyRelease` found: the manifest when it could be read, and every problem (none for a good release). */
export interface ReleaseVerification {
  readonly manifest: ReleaseManifest | null;
  readonly problems: readonly ReleaseProblem[];
}

/**
 * Read access to one release folder, paths relative to it with `/` separators. The writer (fixtures)
 * and the server each give one over the file system, so the rules below are written once.
 */
export interface ReleaseFolderReader {
  /** The text of a file, or null when there is none. */
  readText(file: string): Promise<string | null>;
  /** The size in bytes of a regular file, or null when there is none. */
  size(file: string): Promise<number | null>;
  /** SHA-256 of a file as lowercase hex. */
  sha256(file: string): Promise<string>;
}

/**
 * Checks release `id`'s folder against its manifest: the manifest exists, is valid and names the
 * folder's release; every file it lists is inside the folder, exists, has the listed size and the
 * listed SHA-256. Sizes are compared first, so a truncated file is reported without hashing it.
 * Files the manifest does not list are not checked here: readers must only open listed files.
 * Row counts are not re-counted: a file whose SHA-256 matches holds the rows it held when counted.
 * @example (await verifyRelease('synthetic-42', reader)).problems // [{ file: 'observations.parquet', problem: 'missing' }]
 */
export async function verifyRelease(id: string, reader: ReleaseFolderReader): Promise<ReleaseVerification> {
  const manifestFile = RELEASE_LAYOUT.manifestFile;
  const text = await reader.readText(manifestFile);
  if (text === null) return { manifest: null, problems: [{ file: manifestFile, problem: 'missing' }] };
  const parsed = parseManifest(text);
  if ('problem' in parsed) return { manifest: null, problems: [{ file: manifestFile, problem: parsed.problem }] };
  const manifest = parsed.manifest;
  const problems: ReleaseProblem[] = [];
  if (manifest.id !== id) problems.push({ file: manifestFile, problem: `names release ${JSON.stringify(manifest.id)}, not its folder's ${JSON.stringify(id)}` });
  for (const listed of manifest.files) {
    const problem = await fileProblem(listed, reader);
    if (problem) problems.push({ file: listed.path, problem });
  }
  return { manifest, problems };
}

async function fileProblem(listed: ReleaseManifest['files'][number], reader: ReleaseFolderReader): Promise<string | null> {
  if (!isInsideFolder(listed.path)) return 'is not a path inside the release folder';
  const size = await reader.size(listed.path);
  if (size === null) return 'missing';
  if (size !== listed.bytes) return `${size} bytes, the manifest says ${listed.bytes}`;
  const sha256 = await reader.sha256(listed.path);
  if (sha256 !== listed.sha256) return `SHA-256 ${sha256}, the manifest says ${listed.sha256}`;
  return null;
}

/** A relative path that stays inside the folder and is not the manifest itself. */
function isInsideFolder(file: string): boolean {
  const parts = file.split('/');
  return file !== RELEASE_LAYOUT.manifestFile && !file.includes('\\') && parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

function parseManifest(text: string): { manifest: ReleaseManifest } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = releaseManifestSchema.safeParse(json);
  if (parsed.success) return { manifest: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `invalid: ${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message}` };
}

/** The problems of a release as one line: `release r2 failed verification: observations.parquet: missing; …`. */
export function describeReleaseProblems(id: string, problems: readonly ReleaseProblem[]): string {
  return `release ${id} failed verification: ${problems.map((p) => `${p.file}: ${p.problem}`).join('; ')}`;
}

/** Thrown when a release that is about to become current fails verification. */
export class ReleaseVerificationError extends Error {
  constructor(
    readonly releaseId: string,
    readonly problems: readonly ReleaseProblem[],
  ) {
    super(describeReleaseProblems(releaseId, problems));
    this.name = 'ReleaseVerificationError';
  }
}

/** Orders manifests newest first (then by id, so equal times order the same everywhere). */
export function newestReleaseFirst(a: Pick<ReleaseManifest, 'createdAt' | 'id'>, b: Pick<ReleaseManifest, 'createdAt' | 'id'>): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}
