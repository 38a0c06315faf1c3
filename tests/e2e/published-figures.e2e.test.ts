import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, screenshot, SCREENSHOTS, url, VIEWPORTS } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const PUBLISHED = 'Published figures (UKHSA COVER)';
const HTN_PREVALENCE = 'Hypertension prevalence (recorded)';

/** The 28 quarters of the bundled COVER file, 2018/19 Q1 to 2024/25 Q4, in order. */
const QUARTERS = Array.from({ length: 7 }, (_, y) => [1, 2, 3, 4].map((q) => `${2018 + y}/${String(19 + y).padStart(2, '0')} Q${q}`)).flat();

/** The trend panel's data table, row by row (period first). */
async function trendTable(page: Page): Promise<string[][]> {
  const panel = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: 'Trend: Hackney' }) });
  const toggle = panel.getByRole('button', { name: 'Show data table' });
  if (await toggle.isVisible()) await toggle.click();
  const rows = panel.locator('table tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')));
}

/** The published figures are shown: the switch names them and nothing says the data is synthetic. */
async function expectPublishedShown(page: Page) {
  const switcher = page.getByLabel('Data source');
  await expect.poll(() => switcher.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(PUBLISHED);
  expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
  expect(await page.getByText('Synthetic data', { exact: false }).count()).toBe(0);
  await expect.poll(() => page.getByTestId('release-sources').innerText()).toMatch(/UK Health Security Agency.*Open Government Licence v3\.0/s);
}

describe('published figures', () => {
  it('switches the Overview to the published figures, opens Hackney’s MMR1 at 24 months on its 28-quarter trend with SPC signals, and keeps them on reload', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/'));
    await page.locator('table.matrix').waitFor();
    await page.getByTestId('synthetic-banner').waitFor();

    await page.getByLabel('Data source').selectOption({ label: PUBLISHED });
    await page.waitForURL(new RegExp(`release=${inject('publishedReleaseId')}`));
    await page.locator('table.matrix').waitFor();
    await expectPublishedShown(page);
    // Only what the release has: no practices, inequalities, campaigns or Explore in the navigation, and in a domain only the indicators it covers.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overview', 'Attention', 'Indicators', 'Area profiles']);
    await page.getByLabel('Domain', { exact: true }).selectOption({ label: 'Hypertension' });
    await page.waitForURL(/domain=hypertension/);
    await expect.poll(() => page.locator('table.matrix thead th.matrix__indicator a').allInnerTexts()).toEqual([HTN_PREVALENCE]);
    await page.getByLabel('Domain', { exact: true }).selectOption({ label: 'Immunisation' });
    await page.locator('table.matrix thead th.matrix__indicator a', { hasText: 'MMR1 at 24 months' }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, { path: `${SCREENSHOTS}published-overview-1366x768.png`, fullPage: true });
    // The header on a phone: the switch and its label must fit beside the release line.
    await page.setViewportSize(VIEWPORTS.mobile);
    await page.waitForTimeout(300);
    await screenshot(page, { path: `${SCREENSHOTS}published-overview-top-390x844.png` });
    await page.setViewportSize(VIEWPORTS.desktop);
    await expectNoAxeViolations(page, 'overview on published figures');

    await page.getByRole('link', { name: /^Hackney, MMR1 at 24 months:/ }).click();
    await page.waitForURL(/\/indicators\/imm-mmr1-24m\?.*area=E09000012/);
    expect(new URL(page.url()).searchParams.get('release')).toBe(inject('publishedReleaseId'));
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    const summary = page.getByRole('list', { name: 'Statistical process control summary' });
    await expect.poll(() => summary.innerText()).toMatch(/Latest special cause: \d{4}\/\d{2} Q[1-4]/);
    await expect.poll(() => page.locator('.boundary-map__svg').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await screenshot(page, { path: `${SCREENSHOTS}published-indicator-1366x768.png`, fullPage: true });
    await expectNoAxeViolations(page, 'indicator on published figures');
    expect(await page.getByTestId('caveats').innerText()).toContain('City of London within Hackney');
    expect(await page.getByTestId('cover-measure').innerText()).toMatch(/^24m_MMR1 /);

    // The exported chart carries the figures' source, licence and attribution, and is not called synthetic.
    const trendPanel = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: 'Trend: Hackney' }) });
    const [download] = await Promise.all([page.waitForEvent('download'), trendPanel.getByRole('button', { name: 'SVG' }).click()]);
    const svg = await readFile((await download.path())!, 'utf8');
    expect(svg).toContain('Data as at 2025-03-31.');
    expect(svg).toContain('UK Health Security Agency), Open Government Licence v3.0. Source: UKHSA Cover of vaccination evaluated rapidly (COVER) programme, © Crown copyright');
    expect(svg).not.toMatch(/synthetic/i);
    // The chart itself, not the empty box kept for it: the trend draws only near the viewport, and the export waits for it.
    expect(svg).toMatch(/class="recharts-[\w-]+"/);

    const rows = await trendTable(page);
    expect(rows.map((r) => r[0])).toEqual(QUARTERS);
    const signals = rows.filter((r) => r.some((cell) => cell.startsWith('special cause')));
    expect(signals.length).toBeGreaterThan(0);

    await page.reload();
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    await expectPublishedShown(page);
    expect((await trendTable(page)).map((r) => r[0])).toEqual(QUARTERS);

    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 120_000);

  it('shows Hackney’s area profile from the published figures with their notes, with no axe violation', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url(`/areas/E09000012?release=${inject('publishedReleaseId')}`));
    await page.locator('svg[data-export]').first().waitFor();
    await expectPublishedShown(page);
    await page.waitForTimeout(300);
    await expectNoAxeViolations(page, 'area profile on published figures');
    const immunisation = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: 'Immunisation: Hackney' }) });
    await immunisation.getByRole('button', { name: 'Show data table' }).click();
    expect(await immunisation.locator('table tbody').innerText()).toContain('includes City of London');
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 60_000);

  it('says plainly when a shared link names a view or indicator the published figures do not have, and asks for nothing it cannot answer', async () => {
    const { page, problems } = await session.newPage();
    const release = inject('publishedReleaseId');
    for (const path of [`/explore?release=${release}`, `/campaigns/polio-ipv-2022?release=${release}`, `/practices?release=${release}`, `/indicators/imm-futd-24m?release=${release}`]) {
      await page.goto(url(path));
      await page.getByTestId('not-in-release').waitFor();
      await expectPublishedShown(page);
    }
    await page.getByTestId('not-in-release').getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Trend:/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('release')).toBe(release);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 90_000);
});

