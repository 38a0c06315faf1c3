import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, screenshotBoth, SCREENSHOTS, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const LIST_ITEM = '[data-testid="attention-list"] > li';

describe('attention journeys', () => {
  it('an ICS lead signs in with a token, lands on Attention, opens the top item and sees its signal on the trend', async () => {
    const { page, context, problems } = await session.newPage();
    try {
      await page.goto(url('/'));
      await page.locator('table.matrix').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Use an access token' }).click();
      await page.getByLabel('Access token').fill(inject('nelToken'));
      await page.getByRole('button', { name: 'Use token' }).click();
      await page.waitForURL(/\/attention\?icb=E54000029$/); // the token's own ICB, which the views after this one follow
      await page.locator(LIST_ITEM).first().waitFor({ timeout: 30_000 });
      expect(await page.title()).toBe('Attention – Pathfinder Monitor');
      expect(await page.locator('.lede').innerText()).toContain('North East London ICB');
      // An ICS lead may filter by its PCNs and practices, never by London as a whole.
      const levels = await page.getByLabel('Area level').locator('option').allInnerTexts();
      expect(levels).toEqual(expect.arrayContaining(['GP practices', 'Primary care networks (PCNs)', 'Boroughs']));
      expect(levels).not.toContain('Region (London)');
      await screenshotBoth(page, 'attention-journey-list');

      const top = page.locator(LIST_ITEM).first();
      const severity = (await top.locator('.severity-badge').innerText()).trim();
      expect(['Act', 'Watch', 'Improving']).toContain(severity);
      const title = await top.locator('h3 a').innerText();
      const areaName = title.slice(title.indexOf(': ') + 2);
      expect(await top.getByRole('img').getAttribute('aria-label')).toMatch(/^Trend .+ to .+: from /);
      await top.locator('h3 a').click();

      await page.waitForURL(/\/indicators\/[^?]+\?.*signal=/);
      const callout = page.getByTestId('signal-callout');
      await callout.waitFor({ timeout: 30_000 });
      expect(await callout.innerText()).toMatch(/^Signal: .+\./);
      expect(await callout.innerText()).toContain('The period marked on the chart is');
      await page.getByRole('heading', { name: `Trend: ${areaName}` }).waitFor();
      // The chart draws after the panel (its code loads with it), once it is near the viewport.
      const trendPanel = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: `Trend: ${areaName}` }) });
      await trendPanel.scrollIntoViewIfNeeded();
      await trendPanel.locator('svg.recharts-surface').waitFor();
      // The signal's special-cause stretch is shaded where the callout says there is one.
      if ((await callout.innerText()).includes('special-cause point') || (await callout.innerText()).includes('is a special cause')) {
        expect(await page.locator('.recharts-reference-area').count()).toBe(1);
        expect(await page.locator('circle[data-spc^="special_cause"]').count()).toBeGreaterThan(0);
      }
      await page.getByTestId('signal-callout').scrollIntoViewIfNeeded();
      await screenshot(page, { path: `${SCREENSHOTS}attention-journey-signal.png`, fullPage: true });
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("opens a practice's deep link at the practice's own trend, with no error", async () => {
    const { page, context, problems } = await session.newPage({ token: inject('nelToken') });
    try {
      await page.goto(url('/attention?areaType=practice'));
      await page.locator(LIST_ITEM).first().waitFor({ timeout: 30_000 });
      const top = page.locator(LIST_ITEM).first();
      expect(await top.locator('dd').nth(2).innerText()).toBe('Practice');
      const title = await top.locator('h3 a').innerText();
      await top.locator('h3 a').click();
      await page.waitForURL(/\/indicators\/.*area=/);
      await page.getByRole('heading', { name: `Trend: ${title.slice(title.indexOf(': ') + 2)}` }).waitFor({ timeout: 30_000 });
      await page.getByTestId('signal-callout').waitFor();
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("keeps a shared Overview link and the public's Overview where they were opened, narrows the public's list to an ICB that the next view keeps, and tells the public why a practice's link shows no trend", async () => {
    const signedIn = await session.newPage({ token: inject('nelToken') });
    const visitor = await session.newPage();
    try {
      await signedIn.page.goto(url('/?parent=E54000029'));
      await signedIn.page.locator('table.matrix').waitFor({ timeout: 30_000 });
      expect(new URL(signedIn.page.url()).pathname).toBe('/');
      await visitor.page.goto(url('/'));
      await visitor.page.locator('table.matrix').waitFor({ timeout: 30_000 });
      expect(new URL(visitor.page.url()).pathname).toBe('/');
      // The public's attention list offers no practice or PCN level.
      await visitor.page.getByRole('link', { name: 'Attention', exact: true }).click();
      await visitor.page.getByTestId('severity-counts').waitFor({ timeout: 30_000 });
      const levels = await visitor.page.getByLabel('Area level').locator('option').allInnerTexts();
      expect(levels.join('|')).not.toMatch(/practice|PCN/i);
      // The public narrows the list to one ICB: the URL names it (every later view follows it) and the list holds
      // that ICB's areas only, the same first items as the API gives for its parent.
      await visitor.page.getByLabel('ICB', { exact: true }).selectOption('E54000029');
      await visitor.page.waitForURL(/[?&]icb=E54000029/);
      await expect.poll(() => visitor.page.locator('.lede').innerText()).toContain('of North East London ICB');
      const nel = (await (await fetch(`${inject('baseUrl')}/api/v1/attention?parent=E54000029&limit=5`)).json()) as { items: { areaName: string; indicatorName: string }[] };
      expect(nel.items.length).toBeGreaterThan(0);
      await expect.poll(() => visitor.page.locator(`${LIST_ITEM} h3 a`).first().innerText()).toBe(`${nel.items[0]!.indicatorName}: ${nel.items[0]!.areaName}`);
      await visitor.page.getByRole('link', { name: 'Overview', exact: true }).click();
      await visitor.page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('icb') === 'E54000029');
      // A practice's deep link, shared with someone without a token, says why its trend is not shown and asks for nothing.
      await signedIn.page.goto(url('/attention?areaType=practice'));
      const practiceLink = await signedIn.page.locator(`${LIST_ITEM} h3 a`).first().getAttribute('href', { timeout: 30_000 });
      await visitor.page.goto(url(practiceLink!));
      await visitor.page.getByTestId('fine-area-notice').waitFor({ timeout: 30_000 });
      await visitor.page.waitForLoadState('networkidle');
      expect([...signedIn.problems, ...visitor.problems]).toEqual([]);
    } finally {
      await signedIn.context.close();
      await visitor.context.close();
    }
  }, 120_000);

  it("shows the published figures' attention list to the public, with no failed request", async () => {
    const { page, context, problems } = await session.newPage();
    try {
      await page.goto(url(`/attention?release=${inject('publishedReleaseId')}`));
      await page.getByTestId('severity-counts').waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
