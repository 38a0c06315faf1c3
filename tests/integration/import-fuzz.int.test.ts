import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_ISSUE_CODES, ImportValidationError, ReleaseStore, importRelease, type ImportIssue, type ImportIssueCode, type ImportResult } from '@pathfinder/fixtures';
import { currentReleaseChecksums } from '../../fixtures/test/release-views.ts';
import { corruptedImportFile } from '../support/import-corruptions.ts';
import { buildingFolders, releaseProblems } from '../support/release-integrity.ts';
import { VALID_IMPORT_FILES, csvText } from '../support/valid-import-files.ts';

/** Fixed, so a failure reproduces; set FUZZ_SEED to explore other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_808);
const RUNS = 200;

/** Issues about a file as a whole, which have no row or column to name. */
const WHOLE_FILE: ReadonlySet<ImportIssueCode> = new Set(['missing_file', 'unreadable_file', 'empty_file', 'no_rows']);
/** Issues about a row as a whole (or a line of bytes), which name the row but no column. */
const WHOLE_ROW: ReadonlySet<ImportIssueCode> = new Set(['ragged_row', 'duplicate_key', 'invalid_encoding']);

/** Why an issue does not say where the problem is, or null when it does. */
function unlocated(issue: ImportIssue, file: string): string | null {
  if (issue.file !== file) return `names file ${issue.file}`;
  if (!IMPORT_ISSUE_CODES.includes(issue.code)) return `unknown code ${issue.code}`;
  if (issue.message.trim() === '') return 'no message';
  if (WHOLE_FILE.has(issue.code)) return null;
  if (issue.code === 'missing_column') return issue.column ? null : 'missing_column without the column';
  if (issue.row === null) return `${issue.code} without a row`;
  if (!WHOLE_ROW.has(issue.code) && issue.column === null) return `${issue.code} without a column`;
  return null;
}

let dataDir: string;
let inputDir: string;

beforeAll(async () => {
  [dataDir, inputDir] = await Promise.all([mkdtemp(path.join(tmpdir(), 'pf-import-fuzz-')), mkdtemp(path.join(tmpdir(), 'pf-import-fuzz-in-'))]);
  const valid = path.join(inputDir, 'valid-tidy.csv');
  await writeFile(valid, csvText(VALID_IMPORT_FILES.tidy));
  await importRelease(dataDir, [valid], 'tidy');
});
afterAll(() => Promise.all([dataDir, inputDir].map((d) => rm(d, { recursive: true, force: true }))));

describe('importing randomly corrupted files into a data directory with a current release', () => {
  it('publishes each of the three valid files as they are', async () => {
    for (const format of ['tidy', 'fingertips', 'events'] as const) {
      const file = path.join(inputDir, `valid-${format}.csv`);
      await writeFile(file, csvText(VALID_IMPORT_FILES[format]));
      const { manifest } = await importRelease(path.join(inputDir, `data-${format}`), [file], format);
      expect(manifest.source).toMatchObject({ kind: 'import', format });
    }
  });

  it(`rejects ${RUNS} corrupted files with issues naming file, row or column and code, leaving the current release byte for byte, or publishes a complete release`, async () => {
    const store = new ReleaseStore(dataDir);
    const outcomes = { published: 0, rejected: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(corruptedImportFile(), async ({ format, steps, bytes }) => {
        const file = path.join(inputDir, `${++n}-${format}.csv`);
        await writeFile(file, bytes);
        const what = `${format} file, ${steps.join('; ')}`;
        const before = await currentReleaseChecksums(dataDir);
        const outcome: { result: ImportResult } | { error: unknown } = await importRelease(dataDir, [file], format).then((result) => ({ result }), (error: unknown) => ({ error }));
        expect(await buildingFolders(dataDir), what).toEqual([]);
        if ('result' in outcome) {
          outcomes.published++;
          const { id } = outcome.result.manifest;
          expect(await store.currentId(), what).toBe(id);
          expect(await store.manifest(id), what).toEqual(outcome.result.manifest);
          expect(await releaseProblems(dataDir, id), what).toEqual([]);
          return;
        }
        outcomes.rejected++;
        if (!(outcome.error instanceof ImportValidationError)) throw new Error(`${what}: expected an ImportValidationError, got ${(outcome.error as Error)?.stack ?? String(outcome.error)}`);
        expect(outcome.error.issues.length, what).toBeGreaterThan(0);
        expect(outcome.error.issues.map((i) => unlocated(i, file)).filter((p) => p !== null), what).toEqual([]);
        expect(await currentReleaseChecksums(dataDir), what).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(outcomes.published + outcomes.rejected).toBeGreaterThanOrEqual(RUNS);
    expect(outcomes.rejected).toBeGreaterThan(RUNS / 2);
    console.info(`${RUNS} corrupted import files: ${outcomes.rejected} rejected, ${outcomes.published} still valid and published`);
  }, 180_000);
});
