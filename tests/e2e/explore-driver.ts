import type { Page } from 'playwright-core';

/** Waits until Explore has loaded its extracts, DuckDB-WASM shows the views' rows (not the server's first answer) and no view is querying it. */
export async function waitForExploreIdle(page: Page, timeout = 60_000): Promise<void> {
  // Two frames and a beat: a change commits, its queries start and mark the views busy.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 30)))));
  await page.locator('[data-testid="explore-views"][aria-busy="false"][data-source="duckdb"]').waitFor({ timeout });
}

/** The text a linked view shows (chart labels and the values the map announces), to tell whether it changed. */
export async function shownNumbers(page: Page): Promise<{ summary: string; time: string; map: string; quintiles: string; doses: string; ethnicity: string }> {
  const panel = (title: string) => page.locator('section.chart-panel', { has: page.getByRole('heading', { name: title }) }).locator('.chart-panel__chart, .chart-panel__description');
  const text = async (title: string) => (await panel(title).allTextContents()).join(' ');
  // The boundary map draws its areas once it has its shapes and has measured itself.
  await page.locator('.tile-map__key').first().waitFor();
  return {
    summary: await page.locator('.explore-summary').innerText(),
    time: await text('Doses per month'),
    map: (await page.locator('.tile-map__key').evaluateAll((keys) => keys.map((k) => k.getAttribute('aria-label')))).join('\n'),
    quintiles: await text('Uptake by deprivation quintile'),
    doses: await text('Doses by vaccine'),
    ethnicity: await text('Uptake by ethnic group'),
  };
}

/** Drags across the time chart from one fraction of its width to another (a brush of the period). */
export async function brushTimeChart(page: Page, from: number, to: number): Promise<void> {
  const chart = page.locator('[data-testid="explore-time-chart"] .recharts-surface');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the time chart is not on screen');
  const left = box.x + 80, width = box.width - 100, y = box.y + box.height * 0.5;
  await page.mouse.move(left + width * from, y);
  await page.mouse.down();
  await page.mouse.move(left + (width * (from + to)) / 2, y, { steps: 4 });
  await page.mouse.move(left + width * to, y, { steps: 4 });
  await page.mouse.up();
}

const ICB_NAMES = ['North East London', 'North Central London', 'South East London', 'North West London', 'South West London'];
const BOROUGH_TILES = ['E09000012', 'E09000025', 'E09000022', 'E09000005', 'E09000008', 'E09000033'];
const DOSES = ['mmr-1', 'hexavalent-3', 'pcv-2', 'mmr-2', 'menb-3', 'rotavirus-2'];

/**
 * The cross-filter interactions of an analyst, in a cycle: brush a period, choose months from the
 * lists, tick ICBs and quintiles, click boroughs on the map, change the dose. Each leaves the page
 * with a selection it has not had before (so each runs queries rather than reading react-query's cache).
 */
function crossFilterInteraction(i: number): { name: string; run: (page: Page) => Promise<void> } {
  const step = i % 6;
  const round = Math.floor(i / 6);
  if (step === 0) return { name: 'brush', run: (page) => brushTimeChart(page, 0.1 + (round % 5) * 0.15, 0.3 + (round % 5) * 0.15) };
  if (step === 1) return { name: 'icb', run: (page) => page.getByRole('checkbox', { name: ICB_NAMES[round % ICB_NAMES.length]!, exact: true }).click() };
  if (step === 2) return { name: 'quintile', run: (page) => page.getByRole('checkbox', { name: String(1 + (round % 5)), exact: false }).first().click() };
  if (step === 3) return { name: 'borough', run: (page) => page.locator(`#tile-${BOROUGH_TILES[round % BOROUGH_TILES.length]}`).click() };
  if (step === 4) return { name: 'dose', run: (page) => page.getByLabel('Dose shown in the uptake views').selectOption(DOSES[(round + 1) % DOSES.length]!).then(() => undefined) };
  return {
    name: 'from-month',
    run: async (page) => {
      const options = await page.getByLabel('From', { exact: true }).locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
      await page.getByLabel('From', { exact: true }).selectOption(options[Math.floor(options.length * (0.2 + 0.1 * (round % 6)))]!);
    },
  };
}

/** Rows of the borough cube the views query, as the summary shows them. */
export async function cubeRows(page: Page): Promise<number> {
  return Number((await page.getByTestId('explore-level').locator('div', { hasText: 'Cube rows the views query' }).locator('dd').innerText()).replaceAll(',', ''));
}

/** The page's `pf:query:*` User Timing measures, in milliseconds, by view. */
export async function queryMeasures(page: Page): Promise<{ view: string; ms: number }[]> {
  return page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('pf:query:')).map((m) => ({ view: m.name.slice('pf:query:'.length), ms: m.duration })));
}

/** Median, 95th percentile (nearest rank) and maximum of a sample. */
export function distribution(samples: readonly number[]): { n: number; median: number; p95: number; max: number } {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return { n: s.length, median, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!, max: s[s.length - 1]! };
}

/**
 * Runs `count` cross-filter interactions on an open, loaded Explore page and returns the
 * `pf:query:*` measures they caused (those of loading the page are cleared first).
 */
export async function measureCrossFilter(page: Page, count: number): Promise<{ view: string; ms: number }[]> {
  await waitForExploreIdle(page);
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < count; i++) {
    await crossFilterInteraction(i).run(page);
    await waitForExploreIdle(page);
  }
  return queryMeasures(page);
}

/**
 * Holds the page's extract downloads until `release` is called, so DuckDB-WASM cannot take over
 * while a test reads what the server's first answer showed.
 */
export async function holdExtracts(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/v1/extracts/**', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Where the first result the views showed came from (`server` or `duckdb`), once they show one (the first visit after the server starts waits for its cubes). */
export async function firstResultSource(page: Page, timeout = 90_000): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const mark = performance.getEntriesByName('pf:explore:first-result', 'mark')[0] as PerformanceMark | undefined;
    return mark ? String((mark.detail as { source?: string } | null)?.source) : false;
  }, undefined, { timeout });
  return handle.jsonValue() as Promise<string>;
}
