import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeReleaseProblems, newestReleaseFirst, verifyRelease, type ReleaseFolderReader } from './verify-release.ts';

// FIPS 180-2, appendix B.1: SHA-256("abc").
const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

const manifest = (files: { path: string; sha256: string; bytes: number }[], id = 'r1') => ({
  id,
  createdAt: '2025-01-01T00:00:00.000Z',
  synthetic: true,
  dataAsAt: '2024-12-31',
  source: { kind: 'synthetic', seed: 1, scale: 1, generator: 'test' },
  files: files.map((f) => ({ ...f, rows: 1 })),
  coverage: { indicators: [], firstPeriod: null, lastPeriod: null },
});

/** A folder held in memory that records which files it was asked to hash. */
function folder(files: Record<string, string>) {
  const hashed: string[] = [];
  const reader: ReleaseFolderReader = {
    readText: async (file) => files[file] ?? null,
    size: async (file) => (file in files ? Buffer.byteLength(files[file]!) : null),
    sha256: async (file) => {
      hashed.push(file);
      return createHash('sha256').update(files[file]!).digest('hex');
    },
  };
  return { reader, hashed };
}

describe('verifyRelease', () => {
  it('finds nothing wrong with a folder that matches its manifest, and returns the manifest', async () => {
    const { reader } = folder({ 'manifest.json': JSON.stringify(manifest([{ path: 'data/a.parquet', sha256: SHA256_ABC, bytes: 3 }])), 'data/a.parquet': 'abc' });
    const result = await verifyRelease('r1', reader);
    expect(result.problems).toEqual([]);
    expect(result.manifest?.files.map((f) => f.path)).toEqual(['data/a.parquet']);
  });

  it.each([
    { case: 'missing', files: {} as Record<string, string>, problem: 'missing' },
    { case: 'not JSON', files: { 'manifest.json': '{"id": "r1"' }, problem: expect.stringMatching(/^not JSON \(/) },
    { case: 'invalid', files: { 'manifest.json': JSON.stringify({ ...manifest([]), dataAsAt: 'yesterday' }) }, problem: expect.stringMatching(/^invalid: dataAsAt: /) },
    { case: 'of another release', files: { 'manifest.json': JSON.stringify(manifest([], 'r0')) }, problem: 'names release "r0", not its folder\'s "r1"' },
  ])('reports a manifest that is $case', async ({ files, problem }) => {
    expect((await verifyRelease('r1', folder(files).reader)).problems).toEqual([{ file: 'manifest.json', problem }]);
  });

  it('reports each listed file that is missing, of another size or of another SHA-256, and hashes only files of the right size', async () => {
    const listed = [
      { path: 'gone.parquet', sha256: SHA256_ABC, bytes: 3 },
      { path: 'short.parquet', sha256: SHA256_ABC, bytes: 6 },
      { path: 'flipped.parquet', sha256: SHA256_ABC, bytes: 3 },
      { path: 'good.parquet', sha256: SHA256_ABC, bytes: 3 },
    ];
    const { reader, hashed } = folder({ 'manifest.json': JSON.stringify(manifest(listed)), 'short.parquet': 'abc', 'flipped.parquet': 'abd', 'good.parquet': 'abc' });
    expect((await verifyRelease('r1', reader)).problems).toEqual([
      { file: 'gone.parquet', problem: 'missing' },
      { file: 'short.parquet', problem: '3 bytes, the manifest says 6' },
      { file: 'flipped.parquet', problem: expect.stringMatching(new RegExp(`^SHA-256 (?!${SHA256_ABC})[0-9a-f]{64}, the manifest says ${SHA256_ABC}$`)) },
    ]);
    expect(hashed).toEqual(['flipped.parquet', 'good.parquet']);
  });

  it.each(['../other/observations.parquet', '/etc/passwd', 'events/../../x', 'a\\b', 'manifest.json', ''])('refuses a listed path that leaves the folder or is the manifest: %j', async (file) => {
    const { reader, hashed } = folder({ 'manifest.json': JSON.stringify(manifest([{ path: file, sha256: SHA256_ABC, bytes: 3 }])) });
    expect((await verifyRelease('r1', reader)).problems).toEqual([{ file, problem: 'is not a path inside the release folder' }]);
    expect(hashed).toEqual([]);
  });
});

describe('describeReleaseProblems', () => {
  it('names the release, then each file and its problem', () => {
    expect(describeReleaseProblems('r2', [{ file: 'a.parquet', problem: 'missing' }, { file: 'b.parquet', problem: '3 bytes, the manifest says 6' }])).toBe(
      'release r2 failed verification: a.parquet: missing; b.parquet: 3 bytes, the manifest says 6',
    );
  });
});

describe('newestReleaseFirst', () => {
  it('orders by creation time, newest first, then by id', () => {
    const releases = [
      { id: 'a', createdAt: '2025-01-01T00:00:00.000Z' },
      { id: 'c', createdAt: '2025-03-01T00:00:00.000Z' },
      { id: 'b', createdAt: '2025-01-01T00:00:00.000Z' },
    ];
    expect([...releases].sort(newestReleaseFirst).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});
