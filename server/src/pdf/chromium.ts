import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sparticuz, { inflate } from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for headless Chromium on a machine with no GPU and no outside network. The npm build
 * (`@sparticuz/chromium`) is chrome-headless-shell; its own default flags are for serverless
 * sandboxes (single process, web security off), so we choose ours: SwiftShader through ANGLE gives
 * deck.gl a software WebGL2 context, and nothing talks to Google's services. The zygote stays on (no
 * `--no-zygote`): each new page's renderer is forked from it instead of started afresh, which cut the
 * machine's CPU time for the 51 page loads of the views-by-role browser test by about a quarter.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  '--no-pings',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--font-render-hinting=none',
];

export interface ChromiumBinary {
  executablePath: string;
  /** Environment the binary needs (its fonts, and libraries the machine lacks). */
  env: Record<string, string>;
}

let resolved: Promise<ChromiumBinary> | undefined;

/**
 * The Chromium that browser tests and benches drive: `CHROMIUM_PATH` when set, otherwise the build
 * that `pnpm install` brought (`@sparticuz/chromium`), inflated once into the temp folder. Nothing is
 * downloaded. When the machine lacks a shared library the binary links against (a bare Debian has no
 * NSS), the package's own library bundle is inflated and put on `LD_LIBRARY_PATH` for the browser only.
 */
export function chromiumBinary(): Promise<ChromiumBinary> {
  if (!resolved) {
    resolved = resolveChromium();
    // A failure is not kept: a server asked again after CHROMIUM_PATH or the machine is fixed tries again.
    resolved.catch(() => (resolved = undefined));
  }
  return resolved;
}

async function resolveChromium(): Promise<ChromiumBinary> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to ${override}, which does not exist`);
    return { executablePath: override, env: {} };
  }
  const executablePath = await Sparticuz.executablePath();
  const env: Record<string, string> = { FONTCONFIG_PATH: path.join(tmpdir(), 'fonts') };
  if (missingLibraries(executablePath).length > 0) {
    const binFolder = path.join(path.dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', 'bin');
    await inflate(path.join(binFolder, 'al2023.tar.br'));
    const bundled = path.join(tmpdir(), 'al2023', 'lib');
    env.LD_LIBRARY_PATH = [bundled, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    const stillMissing = missingLibraries(executablePath, env);
    if (stillMissing.length > 0) throw new Error(`Chromium cannot start: missing shared libraries ${stillMissing.join(', ')}`);
  }
  return { executablePath, env };
}

function missingLibraries(binary: string, env: Record<string, string> = {}): string[] {
  const listing = execFileSync('ldd', [binary], { encoding: 'utf8', env: { ...process.env, ...env } });
  return listing
    .split('\n')
    .filter((line) => line.includes('not found'))
    .map((line) => line.trim().split(' ')[0] ?? line);
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await chromiumBinary();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, env: { ...process.env, ...env } as Record<string, string> });
}
