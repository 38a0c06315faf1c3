import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The shared folder of reference outputs and open data, beside the repository (override with PATHFINDER_SHARED). */
export const sharedDir = process.env.PATHFINDER_SHARED ?? path.resolve(fileURLToPath(import.meta.url), '../../../../shared');

export type CsvRow = Record<string, string>;

/** Parses a reference CSV (header row, quoted fields allowed) into rows of strings keyed by column. */
export function readReferenceCsv(relativePath: string): CsvRow[] {
  return readCsv(path.join(sharedDir, relativePath));
}

/** Reference values kept in this repository (`metrics/test/reference/`, each with the script that made it). */
export function readOwnReferenceCsv(name: string): CsvRow[] {
  return readCsv(path.resolve(fileURLToPath(import.meta.url), '../reference', name));
}

function readCsv(file: string): CsvRow[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const records = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) return [];
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Number from a CSV field; empty field → null. */
export function num(field: string | undefined): number | null {
  return field === undefined || field === '' || field === 'NA' ? null : Number(field);
}

function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); out.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); out.push(row); }
  return out;
}
