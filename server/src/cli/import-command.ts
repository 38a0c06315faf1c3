import path from 'node:path';
import {
  DEFAULT_MAX_ERRORS, IMPORT_FORMATS, ImportValidationError, ReleaseExistsError, ReleaseStore, importRelease, releaseNameProblem,
  type ImportIssue, type ImportProgress, type SkippedRows,
} from '@pathfinder/fixtures';
import { ReleaseVerificationError } from '@pathfinder/metrics';
import { defineCommand } from './cli-command.ts';
import { UsageError, intOption } from './cli-options.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';
import { IMPORT_FORMATS_HELP } from './import-formats-help.ts';
import { progressBar } from './progress-bar.ts';
import { verificationRefusal } from './verification-refusal.ts';
import { textTable } from './text-table.ts';

/** `pnpm pathfinder import FILE… --format F`: validates files and publishes them as a release; exit 2 on invalid input. */
export const importCommand = defineCommand({
  description:
    'Validates the files and publishes them as one new release of the data directory, made current. Every error is listed with its file, row (CSV line, header = 1), column, code and value; if there is any, nothing is published, the current release stays as it is and the exit code is 2. The release becomes current only once every file matches its manifest (size and SHA-256); importing files again whose release exists but no longer matches is refused the same way.',
  positionals: { name: 'FILE', description: 'CSV (UTF-8) or Parquet files of one format', min: 1, max: Number.POSITIVE_INFINITY },
  options: {
    format: { type: 'string', choices: IMPORT_FORMATS, required: true, description: 'what the files hold; each format is described under Formats' },
    data: DATA_OPTION,
    'release-name': {
      type: 'string',
      arg: 'NAME',
      defaultText: "import-<format>-<first 12 hex of the files' combined SHA-256>",
      description: 'release id: letters, digits, dot, dash, underscore; must be new',
    },
    'max-errors': { type: 'string', arg: 'N', default: String(DEFAULT_MAX_ERRORS), description: 'list at most N errors; all are counted' },
    progress: { type: 'boolean', description: 'draw a progress bar on stderr even when it is not a terminal' },
  },
  sections: [{ title: 'Formats', text: IMPORT_FORMATS_HELP }],
  examples: [
    '../shared/data/immunisation/cover_london_utla_quarterly_2018-19_to_2024-25.csv --format tidy',
    'export.csv --format fingertips --release-name fingertips-2025-01',
    'events-*.parquet --format events --progress',
  ],
  async run({ values, positionals }, io) {
    const format = values.format;
    const releaseName = values['release-name'];
    if (releaseName !== undefined) {
      const problem = releaseNameProblem(releaseName);
      if (problem) throw new UsageError(`--release-name: ${problem}`);
    }
    const maxErrors = intOption(values['max-errors'], 'max-errors');
    if (maxErrors < 1) throw new UsageError('--max-errors must be at least 1');
    const dataDir = dataDirectory(values.data);

    const bar = values.progress || process.stderr.isTTY === true ? progressBar((s) => io.err(s)) : null;
    const onProgress = bar ? (p: ImportProgress) => bar.update((p.fileIndex + (p.total > 0 ? p.done / p.total : 1)) / p.files, path.basename(p.file)) : undefined;
    const started = performance.now();
    try {
      const result = await importRelease(dataDir, [...positionals], format, {
        maxErrors,
        ...(releaseName === undefined ? {} : { releaseName }),
        ...(onProgress ? { onProgress } : {}),
      });
      bar?.done();
      const m = result.manifest;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const files = m.files.map((f) => `  ${f.path}: ${f.rows.toLocaleString('en-GB')} rows, ${(f.bytes / 1024).toFixed(0)} KiB`).join('\n');
      io.out(`published release ${m.id} from ${positionals.length} ${format} ${positionals.length === 1 ? 'file' : 'files'} in ${dataDir} (${seconds} s); it is now current\n${files}\n`);
      io.out(`  ${m.coverage.indicators.length} indicators, ${m.coverage.firstPeriod} to ${m.coverage.lastPeriod}, data as at ${m.dataAsAt}; ${result.derivedRows.toLocaleString('en-GB')} observation rows derived\n`);
      if (result.skipped.length > 0) io.out(skippedTable(result.skipped));
      return 0;
    } catch (error) {
      bar?.done();
      if (error instanceof ImportValidationError) {
        const current = await new ReleaseStore(dataDir).currentId();
        io.err(issueTable(error.issues));
        if (error.skipped.length > 0) io.err(skippedTable(error.skipped));
        const unlisted = error.total - error.issues.length;
        io.err(`import rejected: ${error.total} ${error.total === 1 ? 'error' : 'errors'}${unlisted > 0 ? ` (${unlisted} not listed; raise --max-errors to see more)` : ''}; nothing was published${current ? `, release ${current} is still current` : ''}\n`);
        return 2;
      }
      if (error instanceof ReleaseExistsError) {
        io.err(`${error.message}\n`);
        return 2;
      }
      if (error instanceof ReleaseVerificationError) {
        io.err(verificationRefusal(error, await new ReleaseStore(dataDir).currentId()));
        return 2;
      }
      throw error;
    }
  },
});

function skippedTable(skipped: readonly SkippedRows[]): string {
  return `skipped rows (not errors):\n${textTable(['rows', 'reason'], skipped.map((s) => [String(s.rows), s.reason]))}`;
}

function issueTable(issues: readonly ImportIssue[]): string {
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return textTable(
    ['file', 'row', 'column', 'code', 'value', 'message'],
    issues.map((i) => [path.basename(i.file), i.row === null ? '-' : String(i.row), i.column ?? '-', i.code, i.value === null ? '-' : clip(JSON.stringify(i.value), 40), i.message]),
  );
}
