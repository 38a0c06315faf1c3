import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { expectNoAxeViolations, openBrowser, SCREENSHOTS, url } from './browser-session.ts';

const NEL = 'E54000029';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

/** Each page of a PDF as a PNG in the screenshots folder (poppler's pdftoppm, 60 dpi); false where it is not installed. */
async function pagesAsPng(pdf: string, name: string): Promise<boolean> {
  try {
    await promisify(execFile)('pdftoppm', ['-png', '-r', '60', pdf, `${SCREENSHOTS}${name}`]);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

describe('campaign sitrep download', () => {
  it('an ICS analyst focused on their ICB downloads the sitrep as a PDF of their ICB, printed with their token', async () => {
    const { page, problems } = await session.newPage({ token: inject('nelToken') });
    await page.goto(url(`/campaigns/polio-ipv-2022?area=${NEL}`));
    const button = page.getByRole('button', { name: 'Download sitrep (PDF)' });
    await button.waitFor({ timeout: 30_000 });
    await page.getByTestId('trajectory-ranking').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page, 'campaign view with the sitrep button');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^sitrep-polio-ipv-2022-${NEL}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const file = (await download.path())!;
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(bytes)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Polio IPV booster campaign 2022 (ages 1 to 9): North East London ICB');
    expect(text).toContain(`an ICS token for ${NEL}`);
    const asOf = download.suggestedFilename().slice(-14, -4);
    expect(text).toContain(`(${asOf})`);
    // Its own ICB's groups need the token: a public report of an ICB would say so instead of drawing them.
    expect(text).toContain('Uptake by deprivation quintile: North East London ICB');
    expect(text).not.toContain('needs an ICS access token');
    if (!(await pagesAsPng(file, 'sitrep-nel'))) console.warn('pdftoppm is not installed: the sitrep pages were not rendered to PNG');
    await rm(file, { force: true });
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 120_000);
});
