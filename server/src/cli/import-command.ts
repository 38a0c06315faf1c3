import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  IMPORT_FORMATS, ImportValidationError, ReleaseExistsError, ReleaseStore, importRelease, releaseNameProblem,
  type ImportFormat, type ImportIssue, type ImportProgress, type SkippedRows,
} from '@pathfinder/fixtures';
import { parseEnv } from '../env.ts';
import { UsageError, intOption, type CliIo } from './cli-options.ts';
import { IMPORT_USAGE } from './import-usage.ts';
import { progressBar } from './progress-bar.ts';
import { textTable } from './text-table.ts';

/** `pnpm pathfinder import FILE… --format F`: validates files and publishes them as a release; exit 2 on invalid input. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      data: { type: 'string' },
      'release-name': { type: 'string' },
      'max-errors': { type: 'string' },
      progress: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const format = values.format;
  if (!format) throw new UsageError(`import needs --format: ${IMPORT_FORMATS.join(', ')} (pnpm pathfinder import --help)`);
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')} (got ${JSON.stringify(format)})`);
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE (pnpm pathfinder import --help)');
  const releaseName = values['release-name'];
  if (releaseName !== undefined) {
    const problem = releaseNameProblem(releaseName);
    if (problem) throw new UsageError(`--release-name: ${problem}`);
  }
  const maxErrors = intOption(values['max-errors'], 'max-errors', 100);
  if (maxErrors < 1) throw new UsageError('--max-errors must be at least 1');
  const dataDir = values.data ?? parseEnv().PATHFINDER_DATA;

  const bar = values.progress || process.stderr.isTTY === true ? progressBar((s) => io.err(s)) : null;
  const onProgress = bar ? (p: ImportProgress) => bar.update((p.fileIndex + (p.total > 0 ? p.done / p.total : 1)) / p.files, path.basename(p.file)) : undefined;
  const started = performance.now();
  try {
    const result = await importRelease(dataDir, positionals, format as ImportFormat, {
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
    throw error;
  }
}

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
