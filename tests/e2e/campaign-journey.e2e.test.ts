import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, SCREENSHOTS, screenshotBoth, url, VIEWPORTS } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

interface ProgressAnswer {
  rows: { areaName: string; behindTrajectory: boolean | null; behindBy: number | null }[];
}

/** The step the map shows, from its label "Week ending … (n of N)". */
const shownStep = async (page: Page) => Number((await page.getByTestId('map-week').innerText()).match(/\((\d+) of \d+\)/)![1]);

async function waitForCampaignView(page: Page) {
  await page.getByTestId('behind-trajectory').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('.boundary-map__svg path[data-code]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await expect.poll(() => page.locator('.recharts-surface').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
}

describe('campaign monitor', () => {
  it('a regional incident lead finds the boroughs furthest behind trajectory, plays the map over the weeks and downloads the practice list', async () => {
    const token = inject('regionToken');
    const { page, problems } = await session.newPage({ token });
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.waitForURL(/\/campaigns\/polio-ipv-2022$/);
    await page.getByRole('heading', { level: 1, name: 'Polio IPV booster campaign 2022 (ages 1 to 9)' }).waitFor();
    await waitForCampaignView(page);

    const answer = (await (await fetch(url('/api/v1/campaigns/polio-ipv-2022/progress?areaType=borough'), { headers: { Authorization: `Bearer ${token}` } })).json()) as ProgressAnswer;
    const furthestBehind = answer.rows.filter((r) => r.behindTrajectory).sort((a, b) => b.behindBy! - a.behindBy!).slice(0, 3).map((r) => r.areaName);
    expect(furthestBehind).toHaveLength(3);
    const listed = await page.getByTestId('behind-trajectory').locator('.behind-list__name').allInnerTexts();
    expect(listed.slice(0, 3)).toEqual(furthestBehind);

    await expectNoAxeViolations(page, 'campaign');
    await screenshotBoth(page, 'campaign');

    const steps = [await shownStep(page)];
    await page.getByRole('button', { name: 'Play' }).click();
    const advances = () => steps.slice(1).filter((s, i) => s === steps[i]! + 1).length;
    await expect.poll(async () => {
      const step = await shownStep(page);
      if (step !== steps.at(-1)) steps.push(step);
      return advances();
    }, { timeout: 10_000, interval: 150 }).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await shownStep(page);
    await page.waitForTimeout(1_500);
    expect(await shownStep(page)).toBe(paused);
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByLabel('Week shown').inputValue()).toBe(String(paused - 1));

    const outreach = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /^Where to send outreach: Practices in / }) });
    await outreach.locator('table').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), outreach.getByRole('button', { name: 'Download CSV' }).click()]);
    const [header, ...lines] = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(header).toMatch(/^Rank,Code,Practice,Still needed for 50%,/);
    const codes = lines.map((l) => l.split(',')[1]);
    expect(codes.length).toBeGreaterThanOrEqual(100);
    expect(codes.every((c) => /^SYN\d+$/.test(c!))).toBe(true);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 150_000); // a whole journey over several views: more than the default minute on a loaded 2-core machine

  it('maps the campaign on the ONS borough and ICB boundaries, selects by keyboard, and keeps the tile grid choice in the URL', async () => {
    const { page, problems } = await session.newPage({ token: inject('regionToken') });
    await page.goto(url('/campaigns/polio-ipv-2022'));
    await waitForCampaignView(page);
    const map = page.locator('section', { has: page.getByRole('heading', { name: /^Map: uptake by borough/ }) });
    expect(await map.locator('.boundary-map__svg path[data-code]').count()).toBe(33);
    expect(await map.locator('#tile-E09000012').getAttribute('aria-label')).toMatch(/^Hackney: \d+\.\d%/);
    await map.locator('#tile-E09000012').focus();
    await page.keyboard.press('ArrowRight');
    const east = await page.evaluate(() => document.activeElement?.id);
    expect(['tile-E09000025', 'tile-E09000031', 'tile-E09000026']).toContain(east);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(east!.replace('tile-', ''));
    expect(await map.locator(`#${east}`).getAttribute('aria-pressed')).toBe('true');
    await map.screenshot({ path: `${SCREENSHOTS}campaign-map-boundaries-1366x768.png` });
    await page.setViewportSize(VIEWPORTS.mobile);
    await expect.poll(async () => Math.round((await map.locator('.boundary-map__svg').boundingBox())!.width)).toBeLessThan(390);
    await map.screenshot({ path: `${SCREENSHOTS}campaign-map-boundaries-390x844.png` });
    await page.setViewportSize(VIEWPORTS.desktop);

    await page.getByLabel('Areas', { exact: true }).selectOption('icb');
    const icbMap = page.locator('section', { has: page.getByRole('heading', { name: /^Map: uptake by ICB/ }) });
    await expect.poll(() => icbMap.locator('.boundary-map__svg path[data-code]').count(), { timeout: 30_000 }).toBe(5);

    await icbMap.getByRole('radio', { name: 'Tile grid' }).check();
    await icbMap.locator('.tile-map canvas').waitFor();
    expect(new URL(page.url()).searchParams.get('map')).toBe('tiles');
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'MMR catch-up 2023/24 (children born 2018 to 2022)' });
    await page.waitForURL(/\/campaigns\/mmr-catch-up-2023\?/);
    expect(new URL(page.url()).searchParams.get('map'), 'another campaign keeps the map choice').toBe('tiles');
    await page.locator('.tile-map canvas').first().waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('shows the MMR catch-up, a campaign declared as data only, and explains the practice list to a user without a token', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/campaigns/polio-ipv-2022?areaType=icb'));
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'MMR catch-up 2023/24 (children born 2018 to 2022)' });
    await page.waitForURL(/\/campaigns\/mmr-catch-up-2023\?areaType=icb/);
    await page.getByRole('heading', { level: 1, name: 'MMR catch-up 2023/24 (children born 2018 to 2022)' }).waitFor();
    await page.getByRole('heading', { name: /^Cumulative uptake by ICB: MMR catch-up/ }).waitFor({ timeout: 30_000 });
    await page.getByText('Catch-up opens').first().waitFor();
    const outreach = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Where to send outreach: Boroughs' }) });
    await outreach.getByText('are shown only with an ICS access token', { exact: false }).waitFor({ timeout: 30_000 });
    // The public's boroughs: the City of London is counted within Hackney.
    expect(await outreach.locator('tbody tr').count()).toBe(32);
    await page.getByRole('heading', { name: 'Uptake by deprivation quintile: London' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.boundary-map__svg path[data-code]').count(), { timeout: 30_000 }).toBe(5);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
