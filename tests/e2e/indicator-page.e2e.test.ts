import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(() => browser?.close());

describe('indicator page', () => {
  it('shows the synthetic-data label, 33 boroughs with values and CIs, and a drawn tile map', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.getByText('Synthetic data', { exact: true }).count()).toBe(1);
    await page.locator('table.data-table tbody tr').first().waitFor();
    const rows = page.locator('table.data-table tbody tr');
    expect(await rows.count()).toBe(33);
    expect(await rows.filter({ hasText: 'Hackney' }).locator('td').nth(2).innerText()).toMatch(/^\d+\.\d – \d+\.\d$/);

    const canvas = page.locator('.tile-map canvas');
    await canvas.waitFor();
    await expect.poll(() => canvasPaintedShare(page), { timeout: 20_000 }).toBeGreaterThan(0.2);
    await page.screenshot({ path: `${SCREENSHOTS}indicator-1366x768.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});

/** Share of the map's pixels that are not background: proves deck.gl drew the tiles. */
async function canvasPaintedShare(page: Page): Promise<number> {
  const shot = await page.locator('.tile-map canvas').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) painted++;
    return painted / (data.length / 4);
  }, shot.toString('base64'));
}
