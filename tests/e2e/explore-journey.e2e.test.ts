import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, url } from './browser-session.ts';
import { brushTimeChart, shownNumbers, waitForExploreIdle } from './explore-driver.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

describe('Explore', () => {
  it('an analyst loads the extract, brushes a period and picks an ICB, and every linked view and the URL follow', async () => {
    const { page } = await session.newPage({ token: inject('regionToken') });
    await page.goto(url('/explore'));
    await page.getByRole('status').filter({ hasText: /DuckDB|Downloading|Loading|Summing/ }).first().waitFor({ timeout: 30_000 });
    await waitForExploreIdle(page, 90_000);
    const before = await shownNumbers(page);

    await brushTimeChart(page, 0.55, 0.75);
    await waitForExploreIdle(page);
    const period = new URL(page.url()).searchParams;
    expect(period.get('from')).toMatch(/^\d{4}-\d{2}$/);
    expect(period.get('to')! >= period.get('from')!).toBe(true);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(period.get('from'));

    await page.getByRole('checkbox', { name: 'North East London', exact: true }).check();
    await waitForExploreIdle(page);
    const after = await shownNumbers(page);
    expect(new URL(page.url()).searchParams.get('icb')).toBe('E54000029');
    expect(await page.locator('#tile-E09000012').getAttribute('aria-pressed')).toBe('true');
    expect(after.map).not.toBe(before.map);
    expect(after.quintiles).not.toBe(before.quintiles);
    expect(after.doses).not.toBe(before.doses);
    expect(after.ethnicity).not.toBe(before.ethnicity);
    expect(after.time).not.toBe(before.time);
    expect(after.summary).toContain('North East London ICB');

    await page.reload();
    await waitForExploreIdle(page, 90_000);
    expect(await page.getByRole('checkbox', { name: 'North East London', exact: true }).isChecked()).toBe(true);
    expect((await shownNumbers(page)).summary).toBe(after.summary);
    expect(session.errors).toEqual([]);
  }, 180_000);

  it('runs an analyst’s SELECT over the extract and refuses anything that is not a query', async () => {
    const { page } = await session.newPage({ token: inject('regionToken') });
    await page.goto(url('/explore'));
    await waitForExploreIdle(page, 90_000);
    const loaded = await page.locator('.explore-summary__figures div', { hasText: 'Extract rows loaded' }).locator('dd').innerText();

    const box = page.getByLabel('SQL query');
    await box.fill('SELECT count(*) AS n FROM immunisation_weekly');
    await page.getByRole('button', { name: 'Run query' }).click();
    const result = page.getByTestId('explore-sql-result');
    await result.locator('tbody th').first().waitFor();
    expect(await result.locator('tbody th').first().innerText()).toBe(loaded);
    expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT count(*) AS n FROM immunisation_weekly');

    await box.fill('DROP TABLE immunisation_weekly');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('Only SELECT and WITH queries can run here: the data is read-only (this statement starts with DROP).');

    await box.fill('SELECT count(*) AS n FROM immunisation_weekly WHERE vaccine = \'mmr\'');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => result.locator('tbody th').first().innerText(), { timeout: 10_000 }).not.toBe(loaded);
    expect(session.errors).toEqual([]);
  }, 150_000);

  it('asks for an access token instead of loading the public extract', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/explore'));
    await page.getByRole('heading', { name: 'Explore needs an access token' }).waitFor();
    expect(await page.getByTestId('explore-views').count()).toBe(0);
  });
});
