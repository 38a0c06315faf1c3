import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

describe('journeys', () => {
  it('an ICS lead opens the overview for North East London, finds the worst MMR1 borough, opens its trend and reads its SPC signal', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/'));
    await page.getByLabel('ICB').selectOption({ label: 'North East London' });
    await expect.poll(() => page.locator('table.matrix tbody tr').count()).toBe(8);
    await page.getByText('Synthetic data', { exact: true }).waitFor();
    const column = await page.locator('table.matrix thead th.matrix__indicator').allInnerTexts();
    const mmrIndex = column.findIndex((t) => t.startsWith('MMR1 at 24 months'));
    expect(mmrIndex).toBeGreaterThanOrEqual(0);
    const rows = page.locator('table.matrix tbody tr');
    const cells: { name: string; value: number; link: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const name = await row.locator('th').innerText();
      const cell = row.locator('td.matrix__cell').nth(mmrIndex).locator('a');
      const text = (await cell.innerText()).split('\n')[0]!;
      if (/^\d/.test(text)) cells.push({ name, value: Number(text), link: (await cell.getAttribute('href'))! });
    }
    expect(cells.length).toBeGreaterThanOrEqual(6);
    const worst = cells.sort((a, b) => a.value - b.value)[0]!;
    await page.locator(`a[href="${worst.link}"]`).click();
    await page.waitForURL(/\/indicators\/imm-mmr1-24m\?/);
    await page.getByRole('heading', { name: `Trend: ${worst.name}` }).waitFor();
    const variation = await page.getByTestId('spc-variation').innerText();
    expect(variation).toMatch(/Common cause variation|Special cause variation/);
    expect(await page.getByTestId('recent-trend').innerText()).toMatch(/^Recent trend: /);
    expect(session.errors).toEqual([]);
  });

  it('a pathfinder analyst compares hypertension treated to target across the 5 ICBs against the 77% target and downloads the CSV', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/indicators/htn-ttt-79?areaType=icb&period=2023%2F24'));
    const compare = page.locator('section', { has: page.getByRole('heading', { name: /^Compare areas:/ }) });
    await compare.locator('.recharts-surface').waitFor();
    await compare.locator('svg text', { hasText: 'Target 77.0' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe('Area,ICB,Value (%),Lower 95% CI,Upper 95% CI,Numerator,Denominator,Compared with benchmark');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(['NHS North Central London Integrated Care Board', 'NHS North East London Integrated Care Board', 'NHS North West London Integrated Care Board', 'NHS South East London Integrated Care Board', 'NHS South West London Integrated Care Board']);
    for (const l of lines) {
      const value = Number(l.split(',')[2]);
      expect(value).toBeGreaterThan(40);
      expect(value).toBeLessThan(100);
    }
  });

  it('an analyst reads the SII and RII of MMR1 across London’s deprivation quintiles, each with its 95% interval and the RII in words', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/inequalities?indicator=imm-mmr1-24m&area=E12000007&by=deprivation'));
    const summary = page.locator('.inequality-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toMatch(/SII -?\d+\.\d percentage points \(95% CI -?\d+\.\d to -?\d+\.\d\): on the line fitted across the five quintiles, the least deprived end is/);
    expect(text).toMatch(/RII \d+\.\d\d \(95% CI \d+\.\d\d to \d+\.\d\d\): the fitted value for the least deprived end is \d+\.\d\d times that for the most deprived end\./);
    expect(session.errors).toEqual([]);
  });

  it('a shared URL restores the same indicator, period, area and comparator', async () => {
    const shared = '/indicators/imm-mmr1-24m?period=2023%2F24+Q2&area=E09000012&comparator=england';
    const first = await session.newPage();
    await first.page.goto(url(shared));
    await first.page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    const second = await session.newPage();
    await second.page.goto(first.page.url());
    const page = second.page;
    await page.getByRole('heading', { name: 'MMR vaccination coverage for one dose at 24 months' }).waitFor();
    expect(await page.getByLabel('Period').inputValue()).toBe('2023/24 Q2');
    expect(await page.getByLabel('Compare with').inputValue()).toBe('england');
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    await expect.poll(() => page.locator('.lede').first().innerText()).toContain('2023/24 Q2');
    await page.goBack().catch(() => undefined);
    void inject;
  });

  it('works by keyboard: tab to a borough on the map and select it with Enter', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m'));
    const tile = page.locator('#tile-E09000025');
    await tile.waitFor();
    await tile.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tile-E09000030');
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=E09000030/);
    await page.getByRole('heading', { name: 'Trend: Tower Hamlets' }).waitFor();
    // Each tile shows its label as text, and its accessible name begins with what it shows.
    const towerHamlets = page.locator('#tile-E09000030');
    expect(await towerHamlets.innerText()).toBe('TH');
    expect(await towerHamlets.getAttribute('aria-label')).toMatch(/^TH, Tower Hamlets: \d+\.\d%/);
    expect(await towerHamlets.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#tile-E09000012').getAttribute('aria-label')).toMatch(/^Hackney: /);
    expect(await page.locator('#tile-E09000012').innerText()).toBe('Hack');
  });
});

describe('official boundaries', () => {
  it('draws the ONS borough boundaries instead of the tile grid when the server has a boundaries file', async () => {
    const { loadBoundaries } = await import('../../server/src/store/load-boundaries.ts');
    const { sharedDir } = await import('../../metrics/test/reference.ts');
    const boundaries = await loadBoundaries(`${sharedDir}/data/geography/london_boroughs_lad24_bsc.geojson`);
    const { page } = await session.newPage();
    await page.route('**/api/v1/boundaries', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(boundaries) }));
    await page.goto(url('/indicators/imm-mmr1-24m'));
    await page.getByText('Boundaries: Office for National Statistics').waitFor();
    const hackney = page.locator('#tile-E09000012');
    await hackney.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=E09000012/);
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    await page.locator('.tile-map canvas').screenshot({ path: new URL('../../test-results/screenshots/indicator-boundaries.png', import.meta.url).pathname });
  });
});
