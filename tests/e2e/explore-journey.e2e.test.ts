import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, screenshotBoth, url, watchProblems } from './browser-session.ts';
import { brushTimeChart, cubeRows, firstResultSource, holdExtracts, queryMeasures, shownNumbers, waitForExploreIdle } from './explore-driver.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

/** The text of one figure of the summary's "level of detail" list. */
const level = (page: Page, name: string) => page.getByTestId('explore-level').locator('div', { hasText: name }).locator('dd').innerText();

/**
 * Extract requests the page made, as paths with their query less `release`, which every one must
 * name (a request without it is listed with "(no release)", so the test fails).
 */
function extractRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith('/api/v1/extracts/')) return;
    const release = u.searchParams.get('release');
    u.searchParams.delete('release');
    paths.push(`${u.pathname.slice('/api/v1/extracts/'.length)}${u.search}${release ? '' : ' (no release)'}`);
  });
  return paths;
}

describe('Explore', () => {
  it('the public explores the disclosure-controlled borough cube: the server’s first answer is DuckDB-WASM’s, and every linked view answers and follows a brush and an ICB, with no error and no failed request', async () => {
    const { page } = await session.newPage();
    const problems = watchProblems(page);
    const extracts = extractRequests(page);
    const release = await holdExtracts(page);
    await page.goto(url('/explore'));
    expect(await firstResultSource(page)).toBe('server');
    const first = await shownNumbers(page);
    release();
    await waitForExploreIdle(page, 90_000);
    expect(await shownNumbers(page)).toEqual(first);
    expect(await level(page, 'Level of detail loaded')).toBe('Borough × month, public: counts of 1 to 7 hidden, with complements so none can be worked out, others rounded to 5; City of London counted within Hackney');
    expect(await level(page, 'Practice detail')).toBe('None (needs an access token)');
    expect(extracts.sort()).toEqual(['immunisation-borough-monthly.parquet', 'immunisation-borough-population.parquet']);
    expect((await queryMeasures(page)).map((m) => m.view).sort()).toEqual(['doses', 'ethnicity', 'map', 'quintiles', 'time']);
    const before = await shownNumbers(page);
    expect(before.summary).toMatch(/Uptake\s+\d+\.\d% \(95% CI/);

    await brushTimeChart(page, 0.55, 0.75);
    await waitForExploreIdle(page);
    await page.getByRole('checkbox', { name: 'North East London', exact: true }).check();
    await waitForExploreIdle(page);
    const after = await shownNumbers(page);
    expect(new URL(page.url()).searchParams.get('icb')).toBe('E54000029');
    expect(after.map).not.toBe(before.map);
    expect(after.quintiles).not.toBe(before.quintiles);
    expect(after.ethnicity).not.toBe(before.ethnicity);
    expect(after.summary).toContain('North East London ICB');

    // The public cube has quintiles and ethnic groups one at a time: ethnic groups within a quintile are not published.
    await page.getByRole('checkbox', { name: '1 (most deprived)' }).check();
    await waitForExploreIdle(page);
    await page.getByText('Not available with deprivation quintiles chosen').waitFor();
    expect(await page.getByTestId('explore-practices').innerText()).toContain('The public data stops at boroughs');
    expect(extracts).toHaveLength(2);
    await expectNoAxeViolations(page, 'Explore as the public');
    await screenshotBoth(page, 'explore-public');
    expect(problems).toEqual([]);
  }, 150_000);

  it('the public’s SQL box queries the cube and is told practice tables need a token', async () => {
    const { page } = await session.newPage();
    const problems = watchProblems(page);
    await page.goto(url('/explore'));
    await waitForExploreIdle(page, 90_000);
    const box = page.getByLabel('SQL query');
    await box.fill("SELECT count(DISTINCT borough_code) AS boroughs FROM explore_doses WHERE breakdown = 'total'");
    await page.getByRole('button', { name: 'Run query' }).click();
    const result = page.getByTestId('explore-sql-result');
    await result.locator('tbody th').first().waitFor({ timeout: 10_000 });
    // 33 boroughs less the City of London, which the public sees within Hackney.
    expect(await result.locator('tbody th').first().innerText()).toBe('32');

    await box.fill('SELECT count(*) FROM immunisation_weekly');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('practice-level detail, which needs an ICS or regional access token');
    expect(problems).toEqual([]);
  }, 120_000);

  it('an analyst with a region token sees the server’s first answer, then DuckDB-WASM’s (the same), brushes a period, picks an ICB and drills down to its practices; the URL keeps it all', async () => {
    const { page } = await session.newPage({ token: inject('regionToken') });
    const problems = watchProblems(page);
    const extracts = extractRequests(page);
    const release = await holdExtracts(page);
    await page.goto(url('/explore'));
    await page.getByRole('status').filter({ hasText: /DuckDB|Downloading|Loading/ }).first().waitFor({ timeout: 30_000 });
    // The server answers first, from the token's exact cube: DuckDB-WASM then shows the same numbers.
    expect(await firstResultSource(page)).toBe('server');
    const first = await shownNumbers(page);
    expect(first.summary).toContain('exact counts, all of London');
    release();
    await waitForExploreIdle(page, 90_000);
    expect(await shownNumbers(page)).toEqual(first);
    expect(await level(page, 'Level of detail loaded')).toBe('Borough × month, exact counts, all of London');
    expect(await level(page, 'Practice detail')).toBe('Not loaded');
    // The cube the bench times its cross-filtering over (\`pnpm bench\`, tests/bench/explore-bench.ts): its size hardly depends on the release's scale.
    expect(await cubeRows(page)).toBeGreaterThanOrEqual(100_000);
    expect(extracts.sort()).toEqual(['immunisation-borough-monthly.parquet', 'immunisation-borough-population.parquet']);
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
    for (const view of ['map', 'quintiles', 'doses', 'ethnicity', 'time'] as const) expect(after[view], view).not.toBe(before[view]);
    expect(after.summary).toContain('North East London ICB');

    // Ethnic groups within a quintile: a token's cube fetches those rows when first needed.
    await page.getByRole('checkbox', { name: '1 (most deprived)' }).check();
    await waitForExploreIdle(page);
    expect(extracts).toContain('immunisation-borough-monthly-cross.parquet');
    expect((await shownNumbers(page)).ethnicity).not.toBe(after.ethnicity);

    await page.getByRole('button', { name: /^Load practice detail for 8 selected boroughs$/ }).click();
    const practices = page.getByTestId('explore-practices');
    await practices.locator('tbody tr').first().waitFor({ timeout: 90_000 });
    await waitForExploreIdle(page);
    expect(new URL(page.url()).searchParams.get('detail')).toBe('practice');
    const detailRequests = extracts.filter((e) => e.includes('?borough='));
    expect(detailRequests).toHaveLength(16);
    expect(detailRequests.every((e) => /^immunisation-(weekly|population)\.parquet\?borough=E09\d{6}$/.test(e))).toBe(true);
    expect(await level(page, 'Practice detail')).toMatch(/^8 boroughs: [\d,]+ practice × week rows$/);
    // The table shows its first 25 rows and says how many there are; the reload must give the same.
    const shown = await practices.locator('.data-table__more').innerText();
    expect(shown).toMatch(/^The first 25 of \d+ rows/);
    expect(await practices.locator('tbody tr').count()).toBe(25);
    expect(await practices.locator('tbody tr').first().locator('td').nth(1).innerText()).toMatch(/Barking|Hackney|Havering|Newham|Redbridge|Tower Hamlets|Waltham Forest|City of London/);

    await page.reload();
    await waitForExploreIdle(page, 90_000);
    await practices.locator('tbody tr').first().waitFor({ timeout: 90_000 });
    expect(await page.getByRole('checkbox', { name: 'North East London', exact: true }).isChecked()).toBe(true);
    expect(await practices.locator('.data-table__more').innerText()).toBe(shown);
    await expectNoAxeViolations(page, 'Explore as a region, with practice detail');
    await screenshotBoth(page, 'explore');
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 240_000);

  it('runs an analyst’s SELECT over the practice detail, loading it for the selection first, and refuses anything that is not a query', async () => {
    const { page } = await session.newPage({ token: inject('regionToken') });
    const problems = watchProblems(page);
    await page.goto(url('/explore?borough=E09000012'));
    await waitForExploreIdle(page, 90_000);

    const box = page.getByLabel('SQL query');
    await box.fill('SELECT count(*) AS n FROM immunisation_weekly');
    await page.getByRole('button', { name: 'Run query' }).click();
    const result = page.getByTestId('explore-sql-result');
    await result.locator('tbody th').first().waitFor({ timeout: 60_000 });
    await waitForExploreIdle(page);
    const loaded = await result.locator('tbody th').first().innerText();
    expect(await level(page, 'Practice detail')).toBe(`Hackney: ${loaded} practice × week rows`);
    expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT count(*) AS n FROM immunisation_weekly');
    expect(new URL(page.url()).searchParams.get('detail')).toBe('practice');

    await box.fill('DROP TABLE immunisation_weekly');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('Only SELECT and WITH queries can run here: the data is read-only (this statement starts with DROP).');

    await box.fill('SELECT count(*) AS n FROM immunisation_weekly WHERE vaccine = \'mmr\'');
    await page.getByRole('button', { name: 'Run query' }).click();
    await result.locator('tbody th').first().waitFor({ timeout: 10_000 });
    expect(await result.locator('tbody th').first().innerText()).toMatch(/^[\d,]+$/);
    expect(await result.locator('tbody th').first().innerText()).not.toBe(loaded);
    expect(problems).toEqual([]);
  }, 150_000);

  it('an ICS token explores its own ICB only, and drills down without asking for another ICB’s rows', async () => {
    const { page } = await session.newPage({ token: inject('nelToken') });
    const problems = watchProblems(page);
    const extracts = extractRequests(page);
    await page.goto(url('/explore'));
    await waitForExploreIdle(page, 90_000);
    expect(await level(page, 'Level of detail loaded')).toBe('Borough × month, exact counts, North East London ICB');
    const shown = await shownNumbers(page);
    expect(shown.map).toContain('Barnet: no data');
    expect(shown.map).toContain('Hackney');
    expect(shown.map).not.toContain('Hackney: no data');

    // Barnet is another ICB's: selecting it with Hackney drills down to Hackney alone.
    await page.locator('#tile-E09000003').click();
    await waitForExploreIdle(page);
    await page.locator('#tile-E09000012').click();
    await waitForExploreIdle(page);
    await page.getByRole('button', { name: /^Load practice detail for 1 selected borough$/ }).click();
    await page.getByTestId('explore-practices').locator('tbody tr').first().waitFor({ timeout: 60_000 });
    await waitForExploreIdle(page);
    expect(extracts.filter((e) => e.includes('?borough=')).sort()).toEqual(['immunisation-population.parquet?borough=E09000012', 'immunisation-weekly.parquet?borough=E09000012']);
    expect(await level(page, 'Practice detail')).toMatch(/^Hackney: [\d,]+ practice × week rows$/);
    expect(problems).toEqual([]);
  }, 150_000);
});
