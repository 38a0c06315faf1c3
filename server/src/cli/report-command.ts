import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAMPAIGNS, ICBS } from '@pathfinder/metrics';
import { createApp } from '../app.ts';
import { localTokenSecret } from '../auth/local-token-secret.ts';
import { openOidcVerifier } from '../auth/oidc-verifier.ts';
import { parseEnv } from '../env.ts';
import { webAssets } from '../http/web-assets.ts';
import { loopbackPdfPrinter } from '../pdf/pdf-printer.ts';
import { DuckDbStore } from '../store/duckdb-store.ts';
import { loadBoundaries } from '../store/load-boundaries.ts';
import { openUserData } from '../user-data/user-data-file.ts';
import { defineCommand, type CliGroup } from './cli-command.ts';
import { UsageError } from './cli-options.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const EXAMPLE_CAMPAIGN = CAMPAIGNS[0]!.id;

/**
 * `pnpm pathfinder report campaign`: the campaign sitrep as a PDF, printed the way the dashboard's
 * "Download sitrep (PDF)" button prints it: the same route of the same app (served here on a
 * loopback port for the page to read), so the command and the button cannot disagree.
 */
const campaignReport = defineCommand({
  description:
    "Writes the situation report (sitrep) of a vaccination campaign as an A4 PDF: headline numbers, uptake against the trajectory, the map, the areas furthest behind, equity by deprivation and ethnicity, the week's doses, and notes and caveats. It states the as-of date, the release id and the SHA-256 of the release's manifest, and has no clock in it: the same inputs give the same text. The figures are those the token sees: without one, the public, disclosure-controlled figures (weekly, so the as-of date snaps back to the last published week end). The dashboard must be built (pnpm build); the page is printed by the headless Chromium that pnpm install brings (CHROMIUM_PATH overrides it). Exits 2 on bad input (an unknown campaign, release or ICB, a date outside the campaign or the data, a token that is invalid or for another ICB).",
  positionals: { name: 'ID', description: 'the campaign id, as GET /api/v1/campaigns lists them', min: 1, max: 1 },
  options: {
    'as-of': { type: 'string', arg: 'DATE', required: true, description: 'the date the report is for (YYYY-MM-DD): the last day counted' },
    out: { type: 'string', arg: 'FILE.pdf', required: true, description: 'where to write the PDF (folders are created)' },
    icb: { type: 'string', arg: 'CODE', defaultText: 'London as a whole', description: `narrow the report to one London ICB: ${ICBS.map((i) => `${i.code} ${i.name}`).join(', ')}` },
    release: { type: 'string', arg: 'ID', defaultText: 'the current release', description: 'the release to report from (pnpm pathfinder release list)' },
    token: { type: 'string', arg: 'TOKEN', defaultText: 'PATHFINDER_TOKEN, else none: the public report', description: 'bearer token whose scope the report has (pnpm pathfinder token); an ics token reports on its own ICB' },
    data: DATA_OPTION,
  },
  examples: [`${EXAMPLE_CAMPAIGN} --as-of 2022-10-13 --out sitrep.pdf`, `${EXAMPLE_CAMPAIGN} --as-of 2022-10-13 --icb ${ICBS[2]!.code} --token "$PATHFINDER_TOKEN" --out nel.pdf`, `${EXAMPLE_CAMPAIGN} --as-of 2023-03-31 --release synthetic-s42-x1-v7 --data demo-data --out sitrep-march.pdf`],
  async run({ values, positionals }, io) {
    const id = positionals[0]!;
    const asOf = values['as-of'];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new UsageError(`--as-of must be a date, YYYY-MM-DD (got ${JSON.stringify(asOf)})`);
    if (values.icb && !ICBS.some((i) => i.code === values.icb)) throw new UsageError(`--icb must be the ONS code of a London ICB: ${ICBS.map((i) => `${i.code} (${i.name})`).join(', ')} (got ${JSON.stringify(values.icb)})`);
    if (!values.out.toLowerCase().endsWith('.pdf')) throw new UsageError(`--out must name a .pdf file (got ${JSON.stringify(values.out)})`);
    const dataDir = dataDirectory(values.data);
    if (!existsSync(dataDir)) throw new UsageError(`data directory ${dataDir} does not exist: pass --data DIR, or run pnpm pathfinder generate`);
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
      io.err('error: the dashboard is not built, and the report is its print page: run pnpm build\n');
      return 1;
    }
    const env = parseEnv();
    const token = values.token ?? process.env.PATHFINDER_TOKEN ?? null;
    const store = await DuckDbStore.open(dataDir, env.DUCKDB_THREADS === undefined ? {} : { threads: env.DUCKDB_THREADS });
    const [tokenSecret, oidc, boundaries] = await Promise.all([
      localTokenSecret(env, dataDir),
      env.PATHFINDER_JWKS ? openOidcVerifier(env.PATHFINDER_JWKS, { issuer: env.PATHFINDER_JWT_ISSUER, audience: env.PATHFINDER_JWT_AUDIENCE }) : null,
      loadBoundaries(env),
    ]);
    // The notes on the campaign are in the data directory's user-data file; while a server holds it, the report says they could not be read.
    const userData = await openUserData(dataDir);
    const printer = loopbackPdfPrinter((request, bindings) => app.fetch(request, bindings));
    const app = createApp({ store, tokenSecret, oidc, boundaries, webAssets: webAssets(WEB_DIST), pdfPrinter: printer, userData: userData.file });
    try {
      const search = new URLSearchParams({ asOf, ...(values.icb ? { icb: values.icb } : {}), ...(values.release ? { release: values.release } : {}) });
      const answer = await app.request(`/api/v1/campaigns/${encodeURIComponent(id)}/sitrep.pdf?${search}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (answer.status !== 200) {
        const problem = (await answer.json().catch(() => ({}))) as { detail?: string };
        const detail = problem.detail ?? `HTTP ${answer.status}`;
        // The API's 4xx are the caller's input (campaign, date, ICB, release, token); anything else is ours.
        if (answer.status >= 400 && answer.status < 500) throw new UsageError(detail);
        io.err(`error: ${detail}\n`);
        return 1;
      }
      const pdf = new Uint8Array(await answer.arrayBuffer());
      await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
      await writeFile(values.out, pdf);
      io.out(`${values.out}: sitrep of ${id} as of ${asOf}${values.icb ? ` for ${values.icb}` : ''}, ${(pdf.byteLength / 1024).toFixed(0)} KiB\n`);
      return 0;
    } finally {
      await printer.close();
      await store.close();
      userData.file?.close();
    }
  },
});

/** `report <kind>`: one kind of report for now, the campaign sitrep. */
export const reportCommand: CliGroup = {
  description: 'Reports as PDF files, printed from the dashboard by headless Chromium.',
  noun: 'report',
  subcommands: { campaign: { summary: 'the situation report (sitrep) of a vaccination campaign', node: campaignReport } },
};
