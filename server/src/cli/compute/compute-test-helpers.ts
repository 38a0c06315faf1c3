import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine } from '@pathfinder/metrics';
import { parseCsvText } from '@pathfinder/fixtures';
import { captureIo } from '../../../test/cli-io.ts';
import { runCli } from '../run-cli.ts';

/** The shared folder of reference outputs and open data, beside the repository (override with PATHFINDER_SHARED). */
export const sharedDir = process.env.PATHFINDER_SHARED ?? path.resolve(fileURLToPath(import.meta.url), '../../../../../../shared');

export type Row = Record<string, string>;

export interface CsvTable {
  readonly header: string[];
  readonly rows: Row[];
}

/** A CSV file parsed into its header and rows keyed by column. */
export async function readCsv(file: string): Promise<CsvTable> {
  const [header, ...records] = parseCsvText(await readFile(file, 'utf8'));
  if (!header) throw new Error(`${file} has no header`);
  return { header: header.fields, rows: records.map((r) => Object.fromEntries(header.fields.map((h, i) => [h, r.fields[i] ?? '']))) };
}

/** A reference CSV of the shared folder, read in place. */
export const readShared = (relativePath: string): Promise<CsvTable> => readCsv(path.join(sharedDir, relativePath));

export interface ComputeRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The --out file, or null when none was written. */
  readonly output: CsvTable | null;
  /** The --out file as text, or null. */
  readonly text: string | null;
  /** Whatever else the run left in the temporary folder besides the input (e.g. a partial file). */
  readonly leftovers: string[];
}

/**
 * Runs `pathfinder compute <method> --in IN --out OUT …flags` in-process (`runCli` with captured io). The input is a
 * file path, or a header and rows written to a temporary CSV first; OUT is in a temporary folder removed after.
 */
export async function runCompute(method: string, input: string | { header: readonly string[]; rows: readonly (readonly (string | number | null)[])[] }, flags: string[] = []): Promise<ComputeRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pf-compute-'));
  try {
    let inFile = input as string;
    if (typeof input !== 'string') {
      inFile = path.join(dir, 'in.csv');
      await writeFile(inFile, [input.header, ...input.rows].map(csvLine).join(''));
    }
    const outFile = path.join(dir, 'out.csv');
    const io = captureIo();
    const code = await runCli(['compute', method, '--in', inFile, '--out', outFile, ...flags], io);
    const written = existsSync(outFile);
    const leftovers = (await readdir(dir)).filter((f) => f !== 'in.csv' && f !== 'out.csv');
    return {
      code,
      stdout: io.stdout,
      stderr: io.stderr,
      output: written ? await readCsv(outFile) : null,
      text: written ? await readFile(outFile, 'utf8') : null,
      leftovers,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Checks an output field against an expected number (absolute tolerance) or an expected empty field. */
export function expectNumber(actual: string | undefined, expected: number | null, tolerance: number, what: string): void {
  if (expected === null) {
    if (actual !== '') throw new Error(`${what}: expected an empty field, got ${JSON.stringify(actual)}`);
    return;
  }
  const n = actual === undefined || actual === '' ? Number.NaN : Number(actual);
  if (!(Math.abs(n - expected) <= tolerance)) throw new Error(`${what}: expected ${expected} ± ${tolerance}, got ${JSON.stringify(actual)}`);
}

/** A reference CSV field as a number; empty or NA → null. */
export const num = (field: string | undefined): number | null => (field === undefined || field === '' || field === 'NA' ? null : Number(field));
