import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, screenshot, SCREENSHOTS, url } from './browser-session.ts';

// The journey of issue 18: an ICS user adds a note on a trend, reloads, and sees it (in the chart's
// data table, as the marker's text); the public sees neither the note (not public) nor the form;
// "Copy a permanent link" makes /s/{id}, which opens the same view at the release it showed.

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const VIEW = '/indicators/imm-mmr1-24m?area=E09000012';

describe('annotations on a trend', () => {
  it('lets an ICS user add a note, which is there after a reload; the public sees neither it nor the form', async () => {
    const text = `Outreach clinic opened ${Date.now()}`;
    const { page, context, problems } = await session.newPage({ token: inject('nelToken') });
    try {
      await page.goto(url(VIEW));
      await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
      const form = page.locator('form.add-note');
      await form.waitFor({ timeout: 30_000 });
      await expectNoAxeViolations(page, 'indicator page with the note form');
      await form.getByLabel('Date').fill('2024-02-01');
      await form.getByLabel('Note', { exact: true }).fill(text);
      await form.getByRole('button', { name: 'Add note' }).click();
      await form.getByText('Note added.').waitFor({ timeout: 15_000 });

      await page.reload();
      const trend = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /^Trend: Hackney/ }) });
      // The trend draws once it is near the viewport.
      await trend.scrollIntoViewIfNeeded();
      await trend.locator('.recharts-surface').waitFor({ timeout: 30_000 });
      // The marker: a dotted line at the note's period, labelled.
      await expect.poll(() => trend.locator('svg text').filter({ hasText: /^(Note|\d+ notes)$/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await screenshot(page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /^Trend: Hackney/ }) }), { path: `${SCREENSHOTS}annotation-trend.png` });
      await screenshot(page.locator('form.add-note'), { path: `${SCREENSHOTS}annotation-form.png` });
      await trend.getByRole('button', { name: 'Show data table' }).click();
      await trend.getByRole('cell', { name: new RegExp(text) }).waitFor({ timeout: 10_000 });
      await expectNoAxeViolations(page, 'trend data table with a note');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    const pub = await session.newPage();
    try {
      await pub.page.goto(url(VIEW));
      const trend = pub.page.locator('section.chart-panel', { has: pub.page.getByRole('heading', { name: /^Trend: Hackney/ }) });
      // The trend draws once it is near the viewport.
      await trend.scrollIntoViewIfNeeded();
      await trend.locator('.recharts-surface').waitFor({ timeout: 30_000 });
      await pub.page.waitForLoadState('networkidle');
      expect(await pub.page.locator('form.add-note').count()).toBe(0);
      await trend.getByRole('button', { name: 'Show data table' }).click();
      expect(await trend.getByText(text).count()).toBe(0);
      expect(pub.problems).toEqual([]);
    } finally {
      await pub.context.close();
    }
    expect(session.errors).toEqual([]);
  });

  it('copies a permanent link that opens the same view at the release it showed', async () => {
    const { page, context, problems } = await session.newPage();
    try {
      await page.goto(url(VIEW));
      await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Copy a permanent link' }).click();
      const link = page.getByTestId('permanent-link');
      await link.waitFor({ timeout: 15_000 });
      const href = (await link.getAttribute('href'))!;
      await screenshot(page.locator('header.nhsuk-header'), { path: `${SCREENSHOTS}permanent-link-header.png` });
      expect(href).toMatch(new RegExp(`^${inject('baseUrl')}/s/[A-Za-z0-9]{10}$`));
      await expectNoAxeViolations(page, 'header with a permanent link');
      await page.goto(href);
      await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
      const opened = new URL(page.url());
      expect(opened.pathname).toBe('/indicators/imm-mmr1-24m');
      expect(opened.searchParams.get('area')).toBe('E09000012');
      expect(opened.searchParams.get('release')).toMatch(/^synthetic-/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
