import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, screenshot, SCREENSHOTS, url, VIEWPORTS } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

interface ProgressAnswer {
  asOf: string;
  rows: { areaName: string; uptake: number | null; trajectory: number | null }[];
}

async function waitForCampaignView(page: Page) {
  await page.getByTestId('trajectory-ranking').locator('tbody tr').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator('.boundary-map__svg path[data-code]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await expect.poll(() => page.locator('.recharts-surface').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
}

/** A CSV line's fields (RFC 4180 quoting). */
const fields = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"'));

describe('campaign monitor', () => {
  it('a regional incident lead sets 13 October 2022 in one action, reads every borough ranked by margin to trajectory and downloads the all-London outreach list', async () => {
    const token = inject('regionToken');
    const { page, problems } = await session.newPage({ token });
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.waitForURL(/\/campaigns\/polio-ipv-2022$/);
    await page.getByRole('heading', { level: 1, name: 'Polio IPV booster campaign 2022 (ages 1 to 9)' }).waitFor();
    await waitForCampaignView(page);

    // Action 1: the date, typed into the filter bar at the top of the page.
    await page.getByLabel('Figures as of').fill('2022-10-13');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2022-10-13');
    await expect.poll(() => page.getByTestId('figures-to').innerText(), { timeout: 30_000 }).toBe('Figures to the end of 13 October 2022.');
    await page.getByRole('heading', { level: 2, name: 'Selected week: week ending 13 October 2022' }).waitFor({ timeout: 30_000 });

    const answer = (await (await fetch(url('/api/v1/campaigns/polio-ipv-2022/progress?areaType=borough&asOf=2022-10-13'), { headers: { Authorization: `Bearer ${token}` } })).json()) as ProgressAnswer;
    const byMargin = [...answer.rows].sort((a, b) => a.uptake! - a.trajectory! - (b.uptake! - b.trajectory!) || a.areaName.localeCompare(b.areaName)).map((r) => r.areaName);
    const ranking = page.getByTestId('trajectory-ranking');
    await expect.poll(async () => (await ranking.locator('tbody tr td:nth-child(2)').allInnerTexts()).slice(0, 5), { timeout: 30_000 }).toEqual(byMargin.slice(0, 5));
    expect(await ranking.locator('tbody tr').count()).toBe(33);
    expect(await ranking.getByRole('heading', { level: 3 }).innerText()).toMatch(/^\d+ of 33 boroughs behind trajectory/);
    // Every row says where the current rate leads by the target date.
    for (const text of await ranking.locator('tbody tr td:last-child').allInnerTexts()) expect(text).toMatch(/^(Reaches 50%|Misses: \d+\.\d%, [\d,]+ short)$/);

    const outreach = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Where to send outreach: Practices in London' }) });
    await outreach.locator('table').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page, 'campaign');
    // Action 2: the list for every London practice.
    const [download] = await Promise.all([page.waitForEvent('download'), outreach.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('polio-ipv-2022-outreach-practice-2022-10-13.csv');
    const [title, heading, ...lines] = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(title).toMatch(/^Outreach list,Polio IPV booster campaign 2022 \(ages 1 to 9\),As of,2022-10-13,Release,[\w.-]+,Synthetic data,yes$/);
    expect(heading).toMatch(/^Rank,Practice code,Practice,Borough code,Borough,ICB code,ICB,Eligible children,Vaccinated,Uptake \(%\),/);
    const rows = lines.map(fields);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.every((r) => /^SYN\d+$/.test(r[1]!))).toBe(true);
    expect(new Set(rows.map((r) => r[6])).size, 'every London ICB').toBe(5);
    expect(new Set(rows.map((r) => r[3])).size, 'every borough').toBe(33);
    expect(rows.every((r) => /^\d+(\.\d)?$/.test(r[9]!)), 'uptake to one decimal').toBe(true);

    // The last screen: the ranked boroughs at the top of the window.
    for (const size of Object.values(VIEWPORTS)) {
      await page.setViewportSize(size);
      await ranking.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await screenshot(page, { path: `${SCREENSHOTS}campaign-incident-lead-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 150_000); // a whole journey over several views: more than the default minute on a loaded 2-core machine

  it('keeps the date when the interval changes, steps a week back from the bar, and ranks the boroughs of an ICB chosen as the focus', async () => {
    const { page, problems } = await session.newPage({ token: inject('regionToken') });
    await page.goto(url('/campaigns/polio-ipv-2022?asOf=2022-10-13'));
    await page.getByRole('heading', { level: 2, name: 'Selected week: week ending 13 October 2022' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Interval', { exact: true }).selectOption('day');
    await page.getByRole('heading', { level: 2, name: 'Selected day: 13 October 2022' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-10-13');
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('heading', { level: 2, name: 'Selected day: 6 October 2022' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-10-06');
    expect(await page.getByLabel('Figures as of').inputValue()).toBe('2022-10-06');

    // An ICB as the focus area is the ICB chosen: the ranking lists its 8 boroughs (City of London among them), until all London is asked for again.
    const ranking = page.getByTestId('trajectory-ranking');
    await page.getByLabel('Focus area', { exact: true }).selectOption('E54000029');
    await expect.poll(() => new URL(page.url()).searchParams.get('icb')).toBe('E54000029');
    await expect.poll(() => ranking.locator('tbody tr').count(), { timeout: 30_000 }).toBe(8);
    expect(await ranking.getByRole('heading', { level: 3 }).innerText()).toMatch(/^\d+ of 8 boroughs of North East London behind trajectory/);
    expect(await ranking.locator('tbody tr td:nth-child(2)').allInnerTexts()).toContain('City of London');
    await ranking.getByRole('button', { name: 'rank all London’s boroughs' }).click();
    await expect.poll(() => ranking.locator('tbody tr').count()).toBe(33);
    expect(new URL(page.url()).searchParams.has('icb')).toBe(false);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-10-06');
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 120_000);

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
    await screenshot(map, { path: `${SCREENSHOTS}campaign-map-boundaries-1366x768.png` });
    await page.setViewportSize(VIEWPORTS.mobile);
    await expect.poll(async () => Math.round((await map.locator('.boundary-map__svg').boundingBox())!.width)).toBeLessThan(390);
    await screenshot(map, { path: `${SCREENSHOTS}campaign-map-boundaries-390x844.png` });
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
    const outreach = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Where to send outreach: Boroughs in London' }) });
    await outreach.getByText('are shown only with an ICS access token', { exact: false }).waitFor({ timeout: 30_000 });
    // The public's boroughs: the City of London is counted within Hackney.
    expect(await outreach.locator('tbody tr').count()).toBe(32);
    await page.getByRole('heading', { name: 'Uptake by deprivation quintile: London' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.boundary-map__svg path[data-code]').count(), { timeout: 30_000 }).toBe(5);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
