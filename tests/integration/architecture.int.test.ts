import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every TypeScript source file under a folder (tests included: they live in the package they test). */
async function sources(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The workspace packages a file imports, each with whether the import is of types only. */
async function packageImports(file: string): Promise<{ pkg: string; typeOnly: boolean }[]> {
  const text = await readFile(path.join(ROOT, file), 'utf8');
  const found: { pkg: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(@pathfinder\/[a-z-]+)[^']*'/gm)) found.push({ pkg: m[3]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/import\(\s*'(@pathfinder\/[a-z-]+)[^']*'\s*\)/g)) found.push({ pkg: m[1]!, typeOnly: false });
  return found;
}

async function violations(folder: string, allowed: (pkg: string, typeOnly: boolean, file: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const file of await sources(folder)) {
    for (const { pkg, typeOnly } of await packageImports(file)) if (!allowed(pkg, typeOnly, file)) out.push(`${file} imports ${typeOnly ? 'types of ' : ''}${pkg}`);
  }
  return out;
}

describe('the architecture’s arrows (fixtures → release ← server; web → metrics and the server’s type)', () => {
  it('metrics imports nothing of ours', async () => {
    expect(await violations('metrics/src', (pkg) => pkg === '@pathfinder/metrics')).toEqual([]);
  });

  it('fixtures imports only metrics', async () => {
    expect(await violations('fixtures/src', (pkg) => pkg === '@pathfinder/metrics')).toEqual([]);
  });

  it('the server imports metrics; only the CLI’s data commands (loaded when they run) reach fixtures', async () => {
    expect(await violations('server/src', (pkg, _typeOnly, file) => pkg === '@pathfinder/metrics' || (pkg === '@pathfinder/fixtures' && file.startsWith(path.join('server', 'src', 'cli'))))).toEqual([]);
    const runCli = await readFile(path.join(ROOT, 'server/src/cli/run-cli.ts'), 'utf8');
    expect(runCli, 'run-cli loads each command module lazily').not.toMatch(/^import .* from '\.\/(generate|publish-open-data|import|release)-command\.ts'/m);
  });

  it('the server loads Playwright and Chromium only to print a PDF: serve never loads them until a report is asked for', async () => {
    const chromiumModules = /^\s*import\s+(?!type\b)[^;]*?from\s+'(playwright-core|@sparticuz\/chromium)'/m;
    const printing = [path.join('server', 'src', 'pdf', 'chromium.ts'), path.join('server', 'src', 'pdf', 'print-page.ts')];
    const importers = [];
    for (const file of await sources('server/src')) if (chromiumModules.test(await readFile(path.join(ROOT, file), 'utf8'))) importers.push(file);
    expect(importers).toEqual([printing[0]]);
    // Those two are reached only by the printer's dynamic import (a type-only import loads nothing).
    const staticImports = /^\s*import\s+(?!type\b)[^;]*?from\s+'[^']*\/(print-page|chromium)\.ts'/m;
    const reaching = [];
    for (const file of await sources('server/src')) if (!printing.includes(file) && staticImports.test(await readFile(path.join(ROOT, file), 'utf8'))) reaching.push(file);
    expect(reaching).toEqual([]);
    expect(await readFile(path.join(ROOT, 'server/src/pdf/pdf-printer.ts'), 'utf8')).toMatch(/await import\('\.\/print-page\.ts'\)/);
  });

  it('the web imports metrics, and of the server only its route types', async () => {
    expect(await violations('web/src', (pkg, typeOnly) => pkg === '@pathfinder/metrics' || (pkg === '@pathfinder/server' && typeOnly))).toEqual([]);
  });

  it('finds imports, so the checks above can fail', async () => {
    expect(await packageImports('web/src/api/api-client.ts')).toContainEqual({ pkg: '@pathfinder/server', typeOnly: true });
    expect((await packageImports('server/src/cli/generate-command.ts')).map((i) => i.pkg)).toContain('@pathfinder/fixtures');
  });
});
