import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, screenshot, SCREENSHOTS, url, VIEWPORTS } from './browser-session.ts';

// The journey of issue 18, part 1: on the 12-month 6-in-1 trend of a borough, mark the polio IPV
// campaign's start as an intervention, see the fitted segments, the dashed counterfactual and the
// sentence, and the effect by borough; then add a note, reload, see it and pick it as the intervention.

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const VIEW = '/indicators/imm-dtap-ipv-hib3-12m?area=E09000012';
const CAMPAIGN_START = '2022-08-16: Campaign starts in the eight priority boroughs (2022/23 Q2)';

describe('interrupted time series on a trend', () => {
  it('marks the campaign’s start, draws the counterfactual and says the change; a note added then is a preset after a reload', async () => {
    const { page, context, problems } = await session.newPage({ token: inject('nelToken') });
    try {
      await page.goto(url(VIEW));
      const trend = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /^Trend: Hackney/ }) });
      // The trend draws once it is near the viewport.
      await trend.scrollIntoViewIfNeeded();
      await trend.locator('.recharts-surface').waitFor({ timeout: 30_000 });
      const picker = page.getByLabel('Mark an intervention');
      // The campaigns' key dates arrive after the trend: wait for the preset before choosing it.
      await expect.poll(() => picker.locator('option', { hasText: CAMPAIGN_START }).count(), { timeout: 15_000 }).toBe(1);
      await picker.selectOption({ label: CAMPAIGN_START });
      await expect.poll(() => new URL(page.url()).searchParams.get('its')).toBe('2022/23 Q2');
      expect(await picker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('2022/23 Q2');

      const sentence = page.getByTestId('its-sentence');
      await sentence.waitFor({ timeout: 10_000 });
      expect(await sentence.innerText()).toMatch(/^From 2022\/23 Q2, coverage (stepped (up|down) [\d.]+ percentage points \(95% CI [\d.]+ to [\d.]+ (up|down)\)|changed by [+−]?[\d.]+ percentage points \(95% CI [^)]+: not distinguishable from no step\)) and its trend changed by [+−]?[\d.]+ percentage points per quarter against the pre-intervention trend \(95% CI [^)]+\)\.$/);
      // The counterfactual is a dashed line with a drawn path; the fitted segments are solid.
      const counterfactual = trend.locator('.its-counterfactual path.recharts-curve');
      await counterfactual.waitFor({ timeout: 10_000 });
      expect(await counterfactual.getAttribute('stroke-dasharray')).toBe('8 5');
      expect((await counterfactual.getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
      const fitted = trend.locator('.its-fitted path.recharts-curve');
      expect(await fitted.count()).toBe(2);
      for (const segment of await fitted.all()) expect(await segment.getAttribute('stroke-dasharray')).toBeNull();
      await expect.poll(() => trend.locator('svg text').filter({ hasText: /^Intervention$/ }).count()).toBe(1);

      const byBorough = page.locator('section.its-by-area');
      await byBorough.getByRole('heading', { name: 'Effect of the intervention at 2022/23 Q2, by borough' }).waitFor({ timeout: 15_000 });
      expect(await byBorough.locator('tbody tr').count()).toBeGreaterThanOrEqual(32);
      await screenshot(trend, { path: `${SCREENSHOTS}its-trend.png` });
      await screenshot(byBorough, { path: `${SCREENSHOTS}its-by-borough.png` });
      await expectNoAxeViolations(page, 'indicator page with an interrupted time series');

      await trend.getByRole('button', { name: 'Show data table' }).click();
      await trend.getByRole('columnheader', { name: /ITS counterfactual/ }).waitFor({ timeout: 10_000 });
      await expectNoAxeViolations(page, 'trend data table with the fitted and counterfactual columns');

      const text = `Outreach clinic opened ${Date.now()}`;
      const form = page.locator('form.add-note');
      await form.getByLabel('Date').fill('2022-11-02');
      await form.getByLabel('Note', { exact: true }).fill(text);
      await form.getByRole('button', { name: 'Add note' }).click();
      await form.getByText('Note added.').waitFor({ timeout: 15_000 });

      await page.reload();
      // The trend draws once it is near the viewport.
      await trend.scrollIntoViewIfNeeded();
      await trend.locator('.recharts-surface').waitFor({ timeout: 30_000 });
      await expect.poll(() => trend.locator('svg text').filter({ hasText: /^(Note|\d+ notes)$/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const notePreset = `2022-11-02: ${text} (2022/23 Q3)`;
      await expect.poll(() => picker.locator('option', { hasText: notePreset }).count(), { timeout: 15_000 }).toBe(1);
      await picker.selectOption({ label: notePreset });
      await expect.poll(() => new URL(page.url()).searchParams.get('its')).toBe('2022/23 Q3');
      await expect.poll(() => sentence.innerText(), { timeout: 10_000 }).toMatch(/^From 2022\/23 Q3, coverage /);
      await screenshot(trend, { path: `${SCREENSHOTS}its-trend-note-preset.png` });
      await page.setViewportSize(VIEWPORTS.mobile);
      await page.waitForTimeout(300);
      await screenshot(trend, { path: `${SCREENSHOTS}its-trend-390.png` });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    expect(session.errors).toEqual([]);
  });
});
