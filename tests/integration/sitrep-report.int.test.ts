import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CampaignProgress } from '@pathfinder/metrics';
import { loopbackPdfPrinter, webAssets } from '@pathfinder/server';
import { runCli } from '../../server/src/cli/run-cli.ts';
import { runPathfinder } from '../support/cli-process.ts';
import { pdfText } from '../support/pdf-text.ts';
import { openTestRelease, TEST_TOKEN_SECRET } from '../support/test-release.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const CAMPAIGN = 'polio-ipv-2022';
const AS_OF = '2022-10-13';
const NEL = 'E54000029';
const NWL = 'E54000027';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
/** The same app with a printer, as `serve` has: what the campaign view's button asks. */
let printing: ReturnType<typeof release.app>;
let printer: ReturnType<typeof loopbackPdfPrinter>;
let out: string;
beforeAll(async () => {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web/dist is missing: run `pnpm build` first (the report is the dashboard’s print page; `pnpm test` builds it)');
  release = await openTestRelease();
  app = release.app();
  printer = loopbackPdfPrinter((request, bindings) => printing.request(request, undefined, bindings));
  printing = release.app({ pdfPrinter: printer, webAssets: webAssets(WEB_DIST) });
  out = await mkdtemp(path.join(tmpdir(), 'pf-sitrep-'));
}, 120_000);
afterAll(async () => {
  await printer?.close();
  await rm(out, { recursive: true, force: true });
  await release?.dispose();
});

/** `pnpm pathfinder report campaign …` in a child, as a user runs it, with tokens signed by the test release's secret. */
const report = (args: string[]) => runPathfinder(['report', 'campaign', ...args, '--data', release.dataDir], { PATHFINDER_TOKEN_SECRET: TEST_TOKEN_SECRET });

async function textOf(bytes: Uint8Array): Promise<string> {
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  return (await pdfText(bytes)).join('\f');
}
const printed = async (file: string) => textOf(await readFile(file));

/** The report as the campaign view's button gets it, from the app with a printer. */
async function downloaded(query: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await printing.request(`/api/v1/campaigns/${CAMPAIGN}/sitrep.pdf${query}`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="sitrep-${CAMPAIGN}-${AS_OF}.pdf"`);
  return textOf(new Uint8Array(await res.arrayBuffer()));
}

async function londonAsOf(headers: Record<string, string> = {}) {
  const res = await app.request(`/api/v1/campaigns/${CAMPAIGN}/progress?areaType=region&asOf=${AS_OF}`, { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as CampaignProgress).rows[0]!;
}

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
/** London's headline: "Uptake, London 14.5% 15,840 of 109,425 eligible children vaccinated". */
const headline = (text: string) => {
  const m = /Uptake, London\s+([\d.]+)%\s+([\d,]+) of ([\d,]+) eligible\s+children\s+vaccinated/.exec(text);
  expect(m, 'London’s headline figures').not.toBeNull();
  return { uptake: m![1]!, vaccinated: Number(m![2]!.replaceAll(',', '')), eligible: Number(m![3]!.replaceAll(',', '')) };
};

describe('GET /api/v1/campaigns/{id}/sitrep.pdf', () => {
  const sitrep = (query: string, headers: Record<string, string> = {}, on = app) => on.request(`/api/v1/campaigns/${CAMPAIGN}/sitrep.pdf${query}`, { headers });
  const problemOf = async (res: Response) => {
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    return { status: res.status, ...((await res.json()) as { code: string; detail: string }) };
  };

  it('refuses bad input with the API’s 4xx before printing', async () => {
    expect((await problemOf(await sitrep('?asOf=2022-10-13&colour=red'))).status).toBe(400);
    expect(await problemOf(await sitrep('?icb=E54000099'))).toMatchObject({ status: 400, code: 'invalid_parameter' });
    expect(await problemOf(await sitrep('?asOf=2021-01-01'))).toMatchObject({ status: 400, detail: expect.stringMatching(/before campaign polio-ipv-2022 opens/) });
    expect(await problemOf(await sitrep(`?icb=${NWL}`, await release.auth('ics', NEL)))).toMatchObject({ status: 403, code: 'forbidden_area' });
    expect(await problemOf(await app.request('/api/v1/campaigns/no-such-campaign/sitrep.pdf'))).toMatchObject({ status: 404, code: 'campaign_not_found' });
  });

  // First in the file: a Chromium that started is kept for the process, so CHROMIUM_PATH is read only before one has.
  it('answers 503 problem+json when this server cannot print: no printer, or Chromium cannot start', async () => {
    expect(await problemOf(await sitrep(`?asOf=${AS_OF}`))).toMatchObject({ status: 503, code: 'pdf_unavailable' });
    vi.stubEnv('CHROMIUM_PATH', path.join(out, 'no-chromium-here'));
    const broken = loopbackPdfPrinter((request, bindings) => withBroken.request(request, undefined, bindings));
    const withBroken = release.app({ pdfPrinter: broken });
    try {
      expect(await problemOf(await sitrep(`?asOf=${AS_OF}&icb=${NEL}`, {}, withBroken))).toMatchObject({ status: 503, code: 'pdf_unavailable', detail: expect.stringMatching(/^Chromium cannot start: CHROMIUM_PATH is set to .*no-chromium-here, which does not exist/) });
    } finally {
      vi.unstubAllEnvs();
      await broken.close();
    }
  });
});

describe('pathfinder report campaign', () => {
  it('prints the public sitrep with the date, the release, its manifest’s SHA-256 and London’s uptake as the API answers it; printed again (by the download route), the same text', async () => {
    const file = path.join(out, 'nested', 'a.pdf');
    const run = await report([CAMPAIGN, '--as-of', AS_OF, '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    const text = await printed(file);
    expect(await downloaded(`?asOf=${AS_OF}`)).toBe(text);

    const manifest = await readFile(path.join(release.dataDir, 'releases', release.manifest.id, 'manifest.json'));
    expect(text).toContain('13 October 2022 (2022-10-13)');
    expect(text).toMatch(new RegExp(`Release ${release.manifest.id.replaceAll('.', '\\.')} \\(synthetic\\)`));
    expect(text).toContain(createHash('sha256').update(manifest).digest('hex'));
    expect(text).toContain('Synthetic data, not real NHS figures');
    expect(text).toContain('the public: disclosure-controlled');
    for (const section of ['Headline numbers', 'Cumulative uptake by borough', 'Map: uptake by borough', 'Areas furthest behind', 'Uptake by deprivation quintile: London', 'Uptake by ethnic group: London', 'The week’s doses', 'Notes and caveats']) expect(text).toContain(section);
    // The charts are drawn, not their placeholders: their code loads after the page, and the printer waits for it.
    expect(text.match(/0%\s+10%\s+20%\s+30%/g)?.length ?? 0, 'the uptake charts’ axes').toBeGreaterThanOrEqual(2);
    expect(text).toContain('Target 50%');

    const london = await londonAsOf();
    const shown = headline(text);
    expect(shown.uptake).toBe(oneDecimal.format(london.uptake!));
    expect([shown.vaccinated, shown.eligible]).toEqual([london.vaccinated, london.eligible]);
    // The public's counts are the public table's: rounded to 5.
    expect(shown.vaccinated % 5).toBe(0);
    expect(shown.eligible % 5).toBe(0);
  }, 60_000);

  it('prints what a region token sees: London’s exact counts, which the public report does not carry', async () => {
    const text = await downloaded(`?asOf=${AS_OF}`, await release.auth('region'));
    expect(text).toContain('a region token');
    const exact = await londonAsOf(await release.auth('region'));
    const shown = headline(text);
    expect([shown.vaccinated, shown.eligible]).toEqual([exact.vaccinated, exact.eligible]);
    expect(shown.uptake).toBe(oneDecimal.format(exact.uptake!));
    const publicText = await printed(path.join(out, 'nested', 'a.pdf'));
    expect(headline(publicText).vaccinated).not.toBe(exact.vaccinated);
    expect(publicText).not.toContain(`${whole.format(exact.vaccinated!)} of ${whole.format(exact.eligible!)}`);
  }, 40_000);

  it('exits 2 naming the problem for bad input, and writes nothing', async () => {
    vi.stubEnv('PATHFINDER_TOKEN_SECRET', TEST_TOKEN_SECRET);
    try {
      const nelToken = await release.token('ics', NEL);
      const cases: [string[], RegExp][] = [
        [['no-such-campaign', '--as-of', AS_OF], /no-such-campaign/],
        [[CAMPAIGN, '--as-of', '2022-13-45'], /--as-of must be a date/],
        [[CAMPAIGN, '--as-of', '2021-01-01'], /before campaign polio-ipv-2022 opens/],
        [[CAMPAIGN, '--as-of', AS_OF, '--icb', 'E54000099'], /--icb must be the ONS code of a London ICB/],
        [[CAMPAIGN, '--as-of', AS_OF, '--icb', NWL, '--token', nelToken], /own ICB only/],
        [[CAMPAIGN, '--as-of', AS_OF, '--token', 'not-a-token'], /invalid token/],
        [[CAMPAIGN, '--as-of', AS_OF, '--release', 'no-such-release'], /no-such-release/],
        [[CAMPAIGN, '--as-of', AS_OF, '--out', path.join(out, 'x.txt')], /--out must name a \.pdf file/],
      ];
      for (const [args, message] of cases) {
        let stderr = '';
        const argv = ['report', 'campaign', ...args, '--data', release.dataDir, ...(args.includes('--out') ? [] : ['--out', path.join(out, 'refused.pdf')])];
        const code = await runCli(argv, { out: () => undefined, err: (s) => (stderr += s) });
        expect({ args, code }).toEqual({ args, code: 2 });
        expect(stderr, args.join(' ')).toMatch(message);
      }
      expect(existsSync(path.join(out, 'refused.pdf'))).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  }, 30_000);
});
