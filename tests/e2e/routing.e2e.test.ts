import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const path = (href: string) => {
  const u = new URL(href);
  return `${u.pathname}${u.search}`;
};

describe('routing', () => {
  it('moves focus to the new page’s heading after in-app navigation, names the page in the title and marks its section in the navigation', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/'));
    await page.locator('table.matrix').waitFor();
    expect(await page.title()).toBe('Overview – Pathfinder Monitor');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Overview']);

    await page.locator('table.matrix thead a').first().click();
    await page.waitForURL(/\/indicators\//);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toBe('Indicator – Pathfinder Monitor');
    // Any indicator is in the Indicators section, not only the one its link opens.
    expect(await nav.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Indicators']);
    expect(problems).toEqual([]);
  });

  it('keeps defaults out of links and reads a shared link with a value it does not understand as the default', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m?area=E09000012&comparator=london&map=hexagons'));
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    await expect.poll(() => path(page.url())).toBe('/indicators/imm-mmr1-24m?area=E09000012');
    expect(await page.getByRole('radio', { name: 'Boundaries' }).isChecked()).toBe(true);
    await page.goto(url('/'));
    const links = await page.locator('table.matrix a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.filter((l) => /comparator=london|areaType=borough/.test(l))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('adds a history entry for a new question and none for a change of presentation', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/'));
    await page.locator('table.matrix').waitFor();
    await page.goto(url('/indicators/imm-mmr1-24m'));
    await page.getByRole('heading', { name: /^Compare areas:/ }).waitFor();
    await page.getByLabel('Compare with').selectOption('england');
    await page.waitForURL(/comparator=england/);
    await page.getByLabel('Sort chart by').selectOption('name');
    await page.waitForURL(/sort=name/);
    await page.goBack();
    await expect.poll(() => path(page.url())).toBe('/indicators/imm-mmr1-24m');
    await page.goBack();
    await expect.poll(() => path(page.url())).toBe('/');
    await page.locator('table.matrix').waitFor();
    expect(problems).toEqual([]);
  });

  it('skips the header from the first Tab stop, leaving the router where it was', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/'));
    await page.locator('table.matrix').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(await page.locator('table.matrix').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('asks for the release list once on a first visit: the fetch the page preloads (Link header) is the one the views use', async () => {
    const { page, problems } = await session.newPage();
    const asked: string[] = [];
    page.on('request', (request) => new URL(request.url()).pathname === '/api/v1/releases' && asked.push(request.url()));
    await page.goto(url('/'));
    await page.locator('table.matrix').waitFor();
    expect(asked).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('answers an unknown address with the not-found page inside the site’s frame', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/no-such-page'));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await page.getByRole('main').getByRole('link', { name: 'overview' }).click();
    await page.locator('table.matrix').waitFor();
    expect(path(page.url())).toBe('/');
  });
});
