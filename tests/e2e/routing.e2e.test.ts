import { readFileSync } from 'node:fs';
import nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../bench/bundle-bench.ts';
import { expectNoAxeViolations, openBrowser, url } from './browser-session.ts';

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
    expect(await page.title()).toBe('Immunisation – Overview – Pathfinder Monitor');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Overview']);

    await page.locator('table.matrix thead a').first().click();
    await page.waitForURL(/\/indicators\//);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 10_000 }).toBe('H1');
    expect(await page.title()).toMatch(/^[^–]+, London – Indicator – Pathfinder Monitor$/);
    // Any indicator is in the Indicators section, not only the one its link opens.
    expect(await nav.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Indicators']);
    expect(problems).toEqual([]);
  });

  it('passes the Overview in at most 20 Tab presses: its matrix is one tab stop with arrow keys inside (ARIA grid)', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/?parent=E54000029'));
    await page.locator('table.matrix').waitFor();
    // Tab from the top of the page to the footer's last link, counting the stops.
    const stops: string[] = [];
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return e && e !== document.body ? `${e.tagName.toLowerCase()}:${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? ''}` : 'body';
    });
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const at = await focused();
      if (at === 'body' || stops.includes(at)) break;
      stops.push(at);
    }
    expect(stops.at(-1)).toBe('a:Accessibility statement');
    expect(stops.length, stops.join('\n')).toBeLessThanOrEqual(20);
    expect(stops.filter((s) => s.includes('compared with London'))).toHaveLength(1);

    // Inside the grid: the arrow keys move a cell at a time; Enter opens the cell's indicator for its area.
    const grid = page.getByRole('grid');
    const first = stops.find((s) => s.includes('compared with London'))!;
    expect(first).toMatch(/^a:Barking and Dagenham, /);
    await grid.locator('a[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(/^a:City of London|^a:Hackney/);
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Home');
    expect(await focused()).toMatch(/^a:(City of London|Hackney)$/);
    await page.keyboard.press('ArrowRight');
    const label = await focused();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/indicators\/.+area=E090000(01|12)/);
    await page.goBack();
    await page.locator('table.matrix').waitFor();
    // Back on the Overview, Tab still reaches the matrix once.
    expect(await page.getByRole('grid').locator('[tabindex="0"]').count()).toBe(1);
    expect(label).toContain('compared with London');
    expect(problems).toEqual([]);
  });

  it('has an accessibility statement in the GOV.UK pattern, linked from every page’s footer', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/glossary'));
    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement for Pathfinder Monitor' }).waitFor();
    expect(await page.title()).toBe('Accessibility statement – Pathfinder Monitor');
    const sections = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    for (const heading of ['How accessible this website is', 'Feedback and contact information', 'Enforcement procedure', "Technical information about this website's accessibility", 'Preparation of this accessibility statement']) expect(sections).toContain(heading);
    await expectNoAxeViolations(page, 'accessibility statement');
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

  it("asks for the release list once on a first visit, the fetch the page preloads being the one the views use, and the view's code from the page itself", async () => {
    for (const [path, ready, view] of [['/', 'table.matrix', /\/overview-page-[\w-]+\.js$/], ['/indicators/imm-mmr1-24m', 'main h1', /\/indicator-page-[\w-]+\.js$/]] as const) {
      const { page, problems } = await session.newPage();
      const asked: string[] = [];
      page.on('request', (request) => new URL(request.url()).pathname === '/api/v1/releases' && asked.push(request.url()));
      // Who asked for the view's chunk: the page's own <link> (the parser), not the app's code once it ran (a script).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      const initiators: string[] = [];
      cdp.on('Network.requestWillBeSent', (event) => view.test(new URL(event.request.url).pathname) && initiators.push(event.initiator.type));
      await page.goto(url(path));
      await page.locator(ready).first().waitFor();
      expect(asked, path).toHaveLength(1);
      expect(initiators, path).toEqual(['parser']);
      expect(problems).toEqual([]);
    }
  });

  it('preloads, for every route of the app, files the server has: its view’s chunks as scripts and its stylesheets, never DuckDB', async () => {
    const preloads = JSON.parse(readFileSync(nodePath.join(WEB_DIST, 'route-preloads.json'), 'utf8')) as { path: string; scripts: string[]; styles: string[] }[];
    const routeTree = readFileSync(nodePath.resolve(WEB_DIST, '../src/routing/route-tree.tsx'), 'utf8');
    expect(preloads.map((p) => p.path).sort()).toEqual([...routeTree.matchAll(/\bpath: '([^']+)'/g)].map((m) => m[1]).sort());
    for (const { path: route, scripts, styles } of preloads) {
      expect(scripts.length, route).toBeGreaterThan(0);
      expect(scripts.filter((s) => /duckdb|parquet/i.test(s)), route).toEqual([]);
      for (const [files, type] of [[scripts, 'text/javascript'], [styles, 'text/css']] as const) {
        for (const file of files) {
          const res = await fetch(url(file), { method: 'HEAD' });
          expect(`${file} ${res.status} ${res.headers.get('content-type')}`).toBe(`${file} 200 ${type}; charset=utf-8`);
        }
      }
    }
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
