import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastRatio } from '../../web/src/theme/colour-scale.ts';
import { expectNoAxeViolations, openBrowser, screenshot, SCREENSHOTS, url, VIEWPORTS } from './browser-session.ts';

/** A point in the viewport where the pointer meets an area's shape itself (not its label). */
async function pointOnShape(page: Page, code: string): Promise<[number, number]> {
  return page.locator(`.boundary-map__svg path[data-code="${code}"]`).evaluate((path) => {
    path.scrollIntoView({ block: 'center' });
    const box = path.getBoundingClientRect();
    for (let fy = 0.1; fy < 1; fy += 0.1) {
      for (let fx = 0.1; fx < 1; fx += 0.1) {
        const [x, y] = [box.left + fx * box.width, box.top + fy * box.height];
        if (document.elementFromPoint(x, y) === path) return [x, y] as [number, number];
      }
    }
    throw new Error(`no point of ${path.getAttribute('data-code')} takes the pointer`);
  });
}

const NEL = 'E54000029';

/** "rgb(1, 2, 3)" as a triple. */
const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

describe('journeys', () => {
  it('an ICS lead lands on North East London and, in 4 actions, reads its boroughs below London on MMR1 at 24 months, its trend beside London’s and the practices to target; the ICB stays in the URL through drill-downs and Back', async () => {
    const token = inject('nelToken');
    const { page, context, problems } = await session.newPage({ token });
    // The answers as the API gives them to this token, to check what the page says.
    const api = async <T,>(path: string) => (await (await context.request.get(url(path), { headers: { Authorization: `Bearer ${token}` } })).json()) as T;
    const values = await api<{ comparator: { name: string; value: number }; rows: { areaName: string; parentCode: string | null; value: number | null; suppressed: boolean }[] }>('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&period=latest&comparator=london');
    const below = values.rows.filter((r) => r.parentCode === NEL && !r.suppressed && r.value !== null && r.value < values.comparator.value).sort((a, b) => a.value! - b.value!).map((r) => r.areaName);
    expect(below.length).toBeGreaterThan(0);
    const funnel = await api<{ points: { areaName: string; numerator: number; denominator: number }[] }>(`/api/v1/indicators/imm-mmr1-24m/funnel?areaType=practice&parent=${NEL}&period=latest`);
    const needed = (p: { numerator: number; denominator: number }) => Math.max(0, Math.ceil(Math.round((0.95 * p.denominator - p.numerator) * 1e9) / 1e9));
    const mostNeeded = funnel.points.filter((p) => needed(p) > 0).sort((a, b) => needed(b) - needed(a) || b.denominator - a.denominator || a.areaName.localeCompare(b.areaName)).slice(0, 10).map((p) => p.areaName);
    let actions = 0;
    const inUrl = () => new URL(page.url()).searchParams.get('icb');

    // Landing (free): an ICS token opens on its own ICB.
    await page.goto(url('/'));
    await page.waitForURL(/\/attention\?icb=E54000029$/);
    await page.getByRole('heading', { level: 1, name: 'Attention' }).waitFor();

    // 1. The header's Indicators link (MMR1 at 24 months) keeps the ICB.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
    actions += 1;
    await page.waitForURL(/\/indicators\/imm-mmr1-24m\?/);
    expect(inUrl()).toBe(NEL);
    expect(await page.getByLabel('Areas', { exact: true }).inputValue()).toBe(NEL);
    // NEL's boroughs below London, named on screen, furthest below first; the bars show NEL's boroughs only.
    const belowText = await page.getByTestId('areas-below').innerText({ timeout: 30_000 });
    expect(belowText).toMatch(new RegExp(`^${below.length} of \\d+ areas of North East London are below London`));
    const named = [...belowText.matchAll(/(?:: |; )([A-Z][^;:]*?) \d+(?:\.\d)?%, /g)].map((m) => m[1]);
    expect(named).toEqual(below);
    // NEL's trend with London's beside it, its verdict in words: is it getting worse.
    const trend = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /^Trend: .*North East London/ }) });
    // The trend draws once it is near the viewport.
    await trend.scrollIntoViewIfNeeded();
    await trend.getByRole('img', { name: /^Trend: .*North East London/ }).waitFor({ timeout: 30_000 });
    expect(await trend.locator('svg.recharts-surface[tabindex]').count()).toBe(0);
    expect(await trend.getByRole('list', { name: 'Lines on the chart' }).getByRole('listitem').allInnerTexts()).toEqual(expect.arrayContaining(['Value (dots coloured by SPC variation)', '95% confidence interval', 'London', 'SPC mean', 'SPC process limits']));
    expect(await trend.getByTestId('spc-variation').innerText()).toMatch(/Common cause variation|Special cause variation/);
    expect(await trend.getByTestId('recent-trend').innerText()).toMatch(/^Recent trend: /);
    // The practices to target, most children still needed to reach 95% first.
    const practices = page.getByTestId('practices-to-target');
    await practices.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await practices.locator('tbody tr th, tbody tr td:first-child').allInnerTexts()).toEqual(mostNeeded);
    // The answer screen as the lead sees it at each size (the screen, not the whole page: cheaper to draw).
    for (const size of [VIEWPORTS.desktop, VIEWPORTS.mobile]) {
      await page.setViewportSize(size);
      await page.getByTestId('areas-below').scrollIntoViewIfNeeded();
      await screenshot(page, { path: `${SCREENSHOTS}ics-lead-indicator-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(VIEWPORTS.desktop);
    await expectNoAxeViolations(page, 'the Indicator page on an ICB, with its practices to target');

    // 2. Every practice of the ICB, still NEL.
    await practices.getByRole('link', { name: 'All practices in North East London on a funnel plot' }).click();
    actions += 1;
    await page.getByRole('heading', { level: 1, name: 'Practices in North East London' }).waitFor();
    expect(inUrl()).toBe(NEL);
    // 3. Back to the indicator, still NEL.
    await page.goBack();
    actions += 1;
    await page.getByTestId('areas-below').waitFor();
    expect(new URL(page.url()).pathname).toBe('/indicators/imm-mmr1-24m');
    expect(inUrl()).toBe(NEL);
    // 4. The Overview from the header: NEL's boroughs, and the title says so.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    actions += 1;
    await expect.poll(() => page.locator('table.matrix tbody tr').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(7); // NEL's boroughs (the City of London within Hackney for the public)
    expect(await page.locator('table.matrix tbody tr').count()).toBeLessThanOrEqual(8);
    expect(inUrl()).toBe(NEL);
    expect(await page.title()).toBe('Immunisation, North East London ICB – Overview – Pathfinder Monitor');
    expect(actions).toBeLessThanOrEqual(4);
    // Beyond the task: a borough's cell keeps the ICB, and the borough's trend has NEL's line beside London's.
    const furthest = below[0]!;
    await page.getByRole('link', { name: new RegExp(`^${furthest}, MMR1 at 24 months: `) }).click();
    const boroughTrend = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: `Trend: ${furthest}` }) });
    await boroughTrend.scrollIntoViewIfNeeded();
    await boroughTrend.getByRole('list', { name: 'Lines on the chart' }).getByText('North East London ICB').waitFor({ timeout: 30_000 });
    expect(await boroughTrend.getByRole('list', { name: 'Lines on the chart' }).getByRole('listitem').allInnerTexts()).toEqual(expect.arrayContaining(['London', 'North East London ICB']));
    expect(inUrl()).toBe(NEL);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a pathfinder analyst compares hypertension treated to target across the 5 ICBs against the 77% target and downloads the CSV', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/indicators/htn-ttt-79?areaType=icb&period=2023%2F24'));
    const compare = page.locator('section', { has: page.getByRole('heading', { name: /^Compare areas:/ }) });
    await compare.locator('.recharts-surface').waitFor();
    await compare.getByRole('img', { name: /^Compare areas: / }).waitFor();
    // The target's dashed line is named in the chart's legend (labels on the plot collided with the ticks).
    await compare.getByRole('list', { name: 'Lines on the chart' }).getByText('Target: 77.0%').waitFor();
    expect(await compare.locator('.recharts-reference-line line[stroke-dasharray="6 3"]').count()).toBe(1);
    // Each bar carries its comparison's symbol as well as its colour.
    expect((await compare.locator('text.comparison-symbol').allTextContents()).every((t) => /^[▲▼●–△▽*]+$/.test(t))).toBe(true);
    expect(await compare.locator('text.comparison-symbol').count()).toBe(5);
    const [download] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe('Area,ICB,Value (%),Lower 95% CI,Upper 95% CI,Numerator,Denominator,Compared with benchmark,Note');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(['NHS North Central London Integrated Care Board', 'NHS North East London Integrated Care Board', 'NHS North West London Integrated Care Board', 'NHS South East London Integrated Care Board', 'NHS South West London Integrated Care Board']);
    for (const l of lines) {
      const value = Number(l.split(',')[2]);
      expect(value).toBeGreaterThan(40);
      expect(value).toBeLessThan(100);
    }
  });

  it('draws an indicator’s trend, below the fold, once the reader prints the page or scrolls to it, in the box kept for it', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m?area=E09000012'));
    const trend = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: 'Trend: Hackney' }) });
    const box = trend.locator('.chart-placeholder');
    await box.waitFor({ timeout: 30_000 });
    // The panels above it drawn first (the map and the bars), so the box is where it stays.
    await page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /^Compare areas:/ }) }).locator('svg.recharts-surface').waitFor({ timeout: 30_000 });
    await page.locator('.boundary-map__svg path[data-code]').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(await trend.locator('svg.recharts-surface').count()).toBe(0);
    const kept = (await box.boundingBox())!;
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await trend.locator('svg.recharts-surface').waitFor({ timeout: 30_000 });
    // Drawn where its box was, at its box's height: nothing below it moved.
    const drawn = (await trend.locator('.recharts-responsive-container').boundingBox())!;
    expect([Math.round(drawn.y), Math.round(drawn.height)]).toEqual([Math.round(kept.y), Math.round(kept.height)]);

    await page.goto(url('/indicators/imm-mmr1-24m?area=E09000025'));
    const newham = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: 'Trend: Newham' }) });
    await newham.locator('.chart-placeholder').waitFor({ timeout: 30_000 });
    await newham.scrollIntoViewIfNeeded();
    await newham.locator('svg.recharts-surface').waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  it('the public reads Hackney with the City of London inside it, as COVER publishes them, and no City row', async () => {
    const { page } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m?areaType=borough'));
    const compare = page.locator('section', { has: page.getByRole('heading', { name: /^Compare areas:/ }) });
    await compare.locator('.recharts-surface').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n').slice(1);
    expect(lines).toHaveLength(32);
    expect(lines.find((l) => l.startsWith('Hackney,'))).toContain('includes City of London');
    expect(lines.some((l) => l.startsWith('City of London,'))).toBe(false);
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
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('2023/24 Q2');
    expect(await page.getByLabel('Compare with').inputValue()).toBe('england');
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    await expect.poll(() => page.locator('.lede').first().innerText()).toContain('2023/24 Q2');
    await page.goBack().catch(() => undefined);
    void inject;
  });

  it('works by keyboard on the tile grid: arrow to a borough and select it with Enter', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m?map=tiles'));
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
    expect(problems).toEqual([]);
  });
});

describe('maps: official boundaries by default, the tile grid as a choice', () => {
  const mapPanel = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: /^Map:/ }) });
  const shapes = (page: Page) => page.locator('.boundary-map__svg path[data-code]');

  it('draws the 33 ONS borough shapes on the Indicator page with readable labels, the attribution, and no console error or failed request', async () => {
    const { page, problems } = await session.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(url('/indicators/imm-mmr1-24m?area=E09000012'));
    await expect.poll(() => shapes(page).count(), { timeout: 30_000 }).toBe(33);
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    expect(scripts.filter((s) => /tile-map/.test(s)), 'the boundary map loads without deck.gl (the tile grid’s chunk)').toEqual([]);
    expect(await page.getByRole('radio', { name: 'Boundaries' }).isChecked()).toBe(true);
    expect(await page.locator('.tile-map canvas').count()).toBe(0);
    await mapPanel(page).getByText('Source: Office for National Statistics licensed under the Open Government Licence v.3.0.').waitFor();
    expect(await page.locator('#tile-E09000012').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#tile-E09000001').getAttribute('aria-label')).toMatch(/^City of London: /);

    // Labels: the text on an area begins its accessible name, and contrasts at least 4.5:1 with the area's fill.
    const labels = await page.locator('.boundary-map__area').evaluateAll((areas) => areas.map((a) => ({
      code: a.id.replace('tile-', ''), text: a.querySelector('text')?.textContent ?? '', name: a.getAttribute('aria-label') ?? '',
      colour: a.querySelector('text')?.getAttribute('fill') ?? '', fill: a.querySelector('path')?.getAttribute('fill') ?? '',
    })));
    const shown = labels.filter((l) => l.text !== '');
    expect(shown.length, 'boroughs labelled on a 1366-wide screen').toBeGreaterThanOrEqual(12);
    expect(shown.find((l) => l.code === 'E09000006')?.text).toBe('Bromley');
    for (const l of shown) {
      expect(l.name.startsWith(l.text), `${l.name} begins with ${l.text}`).toBe(true);
      expect(contrastRatio(rgb(l.colour), rgb(l.fill)), `${l.text} on ${l.fill}`).toBeGreaterThanOrEqual(4.5);
    }
    await screenshot(mapPanel(page), { path: `${SCREENSHOTS}indicator-map-boundaries-1366x768.png` });
    await page.setViewportSize(VIEWPORTS.mobile);
    await expect.poll(async () => Math.round((await page.locator('.boundary-map__svg').boundingBox())!.width)).toBeLessThan(390);
    await screenshot(mapPanel(page), { path: `${SCREENSHOTS}indicator-map-boundaries-390x844.png` });
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('works by keyboard on the boundaries: Tab from the map choice into the boroughs, arrows move between neighbours, Enter selects', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m'));
    await expect.poll(() => shapes(page).count(), { timeout: 30_000 }).toBe(33);
    await page.getByRole('radio', { name: 'Boundaries' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tile-E09000001');
    await page.locator('#tile-E09000025').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tile-E09000030');
    expect(await page.getByRole('status').filter({ hasText: /Tower Hamlets: / }).count()).toBe(1);
    expect(await page.locator('.boundary-map__svg path[stroke="#ffeb3b"]').count(), 'the focused borough is outlined').toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tile-E09000012');
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=E09000012/);
    await page.getByRole('heading', { name: 'Trend: Hackney' }).waitFor();
    expect(await page.locator('#tile-E09000012').getAttribute('aria-pressed')).toBe('true');
    const [x, y] = await pointOnShape(page, 'E09000006');
    await page.mouse.click(x, y);
    await page.waitForURL(/area=E09000006/);
    await page.getByRole('heading', { name: 'Trend: Bromley' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('switches to the tile grid and back with the map choice, which the URL keeps for shared links and reloads', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m?area=E09000030'));
    await expect.poll(() => shapes(page).count(), { timeout: 30_000 }).toBe(33);
    await page.getByRole('radio', { name: 'Tile grid' }).check();
    await page.locator('.tile-map canvas').waitFor();
    expect(new URL(page.url()).searchParams.get('map')).toBe('tiles');
    expect(await page.locator('#tile-E09000030').innerText()).toBe('TH');
    expect(await shapes(page).count()).toBe(0);

    await page.reload();
    await page.locator('.tile-map canvas').waitFor();
    expect(await page.getByRole('radio', { name: 'Tile grid' }).isChecked()).toBe(true);
    await page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'MMR2 at 5 years' });
    await page.waitForURL(/\/indicators\/imm-mmr2-5y\?/);
    expect(new URL(page.url()).searchParams.get('map'), 'another indicator keeps the map choice').toBe('tiles');
    await page.locator('.tile-map canvas').waitFor();

    await page.getByRole('radio', { name: 'Boundaries' }).check();
    await expect.poll(() => shapes(page).count(), { timeout: 30_000 }).toBe(33);
    expect(new URL(page.url()).searchParams.has('map')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('draws the 5 ICB shapes when the view shows ICBs, and selects an ICB from the map', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/indicators/imm-mmr1-24m?areaType=icb'));
    await expect.poll(() => shapes(page).count(), { timeout: 30_000 }).toBe(5);
    expect(await page.locator('#tile-E54000029').getAttribute('aria-label')).toMatch(/^North East London ICB: \d+\.\d%/);
    await page.locator('#tile-E54000029').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=E54000029/);
    await page.getByRole('heading', { name: /^Trend: .*North East London/ }).waitFor();
    expect(await page.locator('#tile-E54000029').getAttribute('aria-pressed')).toBe('true');
    await screenshot(mapPanel(page), { path: `${SCREENSHOTS}indicator-map-icbs-1366x768.png` });

    await page.getByRole('radio', { name: 'Tile grid' }).check();
    await page.locator('.tile-map canvas').waitFor();
    expect(await page.locator('.tile-map__key[aria-pressed="true"]').count(), 'the ICB’s 8 boroughs are pressed on the tile grid').toBe(8);
    expect(problems).toEqual([]);
  });

  it('draws whatever boundaries the server serves (BOUNDARIES_FILE), with their attribution', async () => {
    const { BOROUGHS } = await import('@pathfinder/metrics');
    const square = (i: number) => ({ type: 'Polygon', coordinates: [[[-0.5 + (i % 7) * 0.1, 51.3 + Math.floor(i / 7) * 0.07], [-0.42 + (i % 7) * 0.1, 51.3 + Math.floor(i / 7) * 0.07], [-0.42 + (i % 7) * 0.1, 51.36 + Math.floor(i / 7) * 0.07], [-0.5 + (i % 7) * 0.1, 51.3 + Math.floor(i / 7) * 0.07]]] });
    const replacement = { type: 'FeatureCollection', areaType: 'borough', attribution: 'Operator’s own shapes', features: BOROUGHS.map((b, i) => ({ type: 'Feature', properties: { code: b.code, name: b.name }, geometry: square(i) })) };
    const { page } = await session.newPage();
    await page.route('**/api/v1/boundaries?areaType=borough', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(replacement) }));
    await page.goto(url('/indicators/imm-mmr1-24m'));
    await mapPanel(page).getByText('Operator’s own shapes').waitFor();
    expect(await shapes(page).count()).toBe(33);
  });
});
