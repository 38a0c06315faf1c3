import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, type ExpectStatic, inject, it } from 'vitest';
import { openBrowser, screenshot, SCREENSHOTS, url, VIEWPORTS } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const EXPLORE_READY = '[data-testid="explore-views"][aria-busy="false"]';

interface View {
  name: string;
  path: string;
  token?: 'nelToken' | 'regionToken';
  ready: string;
  timeout?: number;
  /** The last screen of one of the three tasks of issue 20: screenshotted at desktop and phone sizes as well as at 320 px. */
  task?: string;
  /** Operates a representative control of each kind the view has, by keyboard only, after the Tab walk. */
  operate?: (page: Page, expect: ExpectStatic) => Promise<void>;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** A select changes with the arrow keys alone (no pointer, no open list). */
async function operateSelect(page: Page, expect: ExpectStatic, name: string) {
  const select = page.getByRole('main').getByLabel(name, { exact: true });
  const before = await select.inputValue();
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.getByRole('main').getByLabel(name, { exact: true }).inputValue()).not.toBe(before);
}

/** A table's first sort button sorts with Enter and again with Space. */
async function operateSort(page: Page, expect: ExpectStatic) {
  const header = page.getByRole('main').locator('th:has(> .sort-button)').first();
  const before = await header.getAttribute('aria-sort');
  await header.locator('.sort-button').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => header.getAttribute('aria-sort')).not.toBe(before);
  const once = await header.getAttribute('aria-sort');
  await page.keyboard.press('Space');
  await expect.poll(() => header.getAttribute('aria-sort')).not.toBe(once);
}

/** A map's area takes the arrow keys to its neighbours and Enter to select (or, on Explore, to toggle). */
async function operateMap(page: Page, expect: ExpectStatic, first: string) {
  await page.locator(`#tile-${first}`).focus();
  await page.keyboard.press('ArrowRight');
  const moved = await activeId(page);
  expect(moved).toMatch(/^tile-E/);
  expect(moved).not.toBe(`tile-${first}`);
  const before = { url: page.url(), pressed: await page.locator(`#${moved}`).getAttribute('aria-pressed') };
  await page.keyboard.press('Enter');
  await expect.poll(async () => page.url() !== before.url || (await page.locator(`#${moved}`).getAttribute('aria-pressed')) !== before.pressed).toBe(true);
}

/** A chart panel's table toggle presses with Enter. */
async function operateToggle(page: Page, expect: ExpectStatic) {
  const toggle = page.locator('.chart-panel__actions button[aria-pressed]').first();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
}

const VIEWS: View[] = [
  // First: waiting for DuckDB-WASM (a minute or more on a loaded two-core machine) is the longest part of the file, and the other views run beside it.
  {
    name: 'Explore', path: '/explore?icb=E54000029&q=1', ready: `${EXPLORE_READY} .boundary-map__svg`, timeout: 180_000,
    operate: (page, expect) => operateMap(page, expect, 'E09000025'),
  },
  {
    name: 'Overview', path: '/', ready: 'table.matrix',
    async operate(page, expect) {
      // The grid's arrow keys (its Enter is in routing.e2e.test.ts), and a select.
      const cell = page.getByRole('grid').locator('a[tabindex="0"]');
      await cell.focus();
      const from = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe(from);
      expect(await page.getByRole('grid').locator('[tabindex="0"]').count()).toBe(1);
      // Scrolled right and down inside its box, the area column and the header rows (indicators, London) stay in view.
      const pinned = await page.evaluate(() => {
        const box = document.querySelector('.matrix-scroll')!;
        box.scrollTo(400, 300);
        const edge = box.getBoundingClientRect();
        const area = document.querySelector('.matrix tbody tr:nth-child(12) th')!.getBoundingClientRect();
        const london = document.querySelector('.matrix .matrix__benchmark td:nth-of-type(6)')!.getBoundingClientRect();
        return { scrolled: [box.scrollLeft, box.scrollTop], areaAtLeft: Math.round(area.left - edge.left), londonBelowTop: Math.round(london.top - edge.top) };
      });
      expect(pinned.scrolled.every((s) => s > 0), 'the matrix scrolls inside its box').toBe(true);
      expect(pinned.areaAtLeft).toBe(0);
      expect(pinned.londonBelowTop).toBeGreaterThan(0);
      expect(pinned.londonBelowTop).toBeLessThan(200);
      await screenshot(page, { path: `${SCREENSHOTS}keyboard-overview-scrolled.png` });
      await operateSelect(page, expect, 'Compare with');
    },
  },
  {
    name: 'Indicator', path: '/indicators/imm-mmr1-24m?area=E09000012&map=tiles', ready: '.tile-map__key--tile',
    async operate(page, expect) {
      await operateMap(page, expect, 'E09000012');
      await operateToggle(page, expect);
    },
  },
  {
    name: 'Area profile', path: '/areas/E09000025?comparator=london', ready: 'svg[data-export]', task: 'task-public-newham-profile',
    async operate(page) {
      // A link in a table opens with Enter.
      const link = page.locator('.spine-chart a').first();
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/indicators\//);
    },
  },
  { name: 'Practices', path: '/practices?icb=E54000029', token: 'nelToken', ready: '.recharts-surface', task: 'task-ics-practices', operate: operateSort },
  { name: 'Inequalities', path: '/inequalities?indicator=imm-mmr1-24m&area=E12000007&by=deprivation', ready: '.recharts-surface' },
  {
    name: 'Campaign', path: '/campaigns/polio-ipv-2022?asOf=2022-10-13', token: 'regionToken', ready: '[data-testid="gap-ethnicity"]', task: 'task-region-campaign',
    async operate(page) {
      // A button with Space: the next week.
      await page.getByRole('button', { name: 'Next week', exact: true }).focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/asOf=2022-10-20/);
    },
  },
  { name: 'Attention', path: '/attention', token: 'nelToken', ready: '[data-testid="attention-list"] li' },
  { name: 'Signals', path: '/attention/signals', ready: '[data-testid="signals-summary"] tbody tr', operate: operateSort },
  { name: 'Glossary', path: '/glossary', ready: 'dl.glossary' },
  { name: 'Accessibility', path: '/accessibility', ready: 'h1' },
];

/** Marks every element Tab should reach (in the page's own terms) and returns their descriptions, in document order. */
const markTabbable = (page: Page) => page.evaluate(() => {
  const candidates = [...document.querySelectorAll<HTMLElement | SVGElement>('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]')];
  const seenRadioGroups = new Set<string>();
  const tabbable = candidates.filter((el) => {
    if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      // Tab reaches one radio of a group: the checked one, or the first.
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`)];
      const stop = group.find((r) => r.checked) ?? group[0];
      if (el !== stop || seenRadioGroups.has(el.name)) return false;
      seenRadioGroups.add(el.name);
    }
    return true;
  });
  for (const el of document.querySelectorAll('[data-kb]')) el.removeAttribute('data-kb');
  return tabbable.map((el, i) => {
    el.setAttribute('data-kb', String(i));
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}`;
  });
});

/** Where focus is now, whether it can be seen, and whether anything covers it. */
const focusState = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !/rgba\(.*, 0\)|transparent/.test(style.outlineColor))
    || style.boxShadow !== 'none'
    // The boundary map draws the focused area's outline itself.
    || (el.classList.contains('boundary-map__area') && document.querySelector('.boundary-map__focus') !== null);
  const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(cx, cy);
  const uncovered = top !== null && (el.contains(top) || top.contains(el));
  const coveredBy = uncovered || !top ? '' : ` by ${top.tagName.toLowerCase()}.${[...top.classList].join('.')}`;
  return {
    kb: el.getAttribute('data-kb'),
    describe: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${coveredBy}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}`,
    scroller: el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth,
    ring,
    inView,
    uncovered,
  };
});

/** What makes the page wider than the window at this width: elements outside any scroll container that stick out. */
const overflow = (page: Page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= window.innerWidth) return [];
  const scrolls = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  return [...document.querySelectorAll('body *')].filter((el) => {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 0.5 || r.width === 0) return false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return false;
    return true;
  }).slice(0, 8).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
});

/** Controls smaller than 24 × 24 CSS px (WCAG 2.2 2.5.8), except links inside a sentence. */
const smallTargets = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-kb]')].filter((el) => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  if (r.width >= 24 && r.height >= 24) return false;
  // Inline exception: a link in a run of text.
  if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
    const parent = el.parentElement!;
    const text = [...parent.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    if (text.length > 0) return false;
  }
  if (el.classList.contains('nhsuk-skip-link')) return false;
  // The "equivalent" exception: a boundary too small to hit is also a 24 px square on the same map's tile grid (its toggle), and a row of the map's table.
  if (el.classList.contains('boundary-map__area')) return false;
  return true;
}).slice(0, 10).map((el) => {
  const r = el.getBoundingClientRect();
  return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`;
}));

/** Runs at most `n` of the functions given to it at once; the others wait their turn. */
function limit(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await run();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
// Three pages at a time: more only queue for the machine's cores and time out waiting for their first data.
const inTurn = limit(3);

const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

// Pages load side by side (Explore's DuckDB-WASM start is most of the file's time); each page has its own keyboard and focus.
describe.concurrent('keyboard only, reflow and target size on every view', () => {
  it.for(VIEWS)('$name', { timeout: 240_000 }, (view, { expect }) => inTurn(async () => {
    const { page, context, problems } = await session.newPage(view.token ? { token: inject(view.token) } : {});
    try {
      await page.goto(url(view.path));
      await page.locator(view.ready).first().waitFor({ timeout: view.timeout ?? 60_000 });
      await page.waitForLoadState('networkidle');

      const shot = `keyboard-${view.name.toLowerCase().replaceAll(' ', '-')}`;
      if (view.task) {
        for (const size of Object.values(VIEWPORTS)) {
          await page.setViewportSize(size);
          await settle(page);
          await screenshot(page, { path: `${SCREENSHOTS}${view.task}-${size.width}x${size.height}.png`, fullPage: true });
        }
      }
      // Reflow (WCAG 1.4.10): at 320 CSS px, and at 640 (1280 px at 200% zoom), only tables and charts scroll sideways.
      for (const width of [320, 640]) {
        await page.setViewportSize({ width, height: 800 });
        await settle(page);
        expect.soft(await overflow(page), `${view.name} at ${width} px`).toEqual([]);
        if (width === 320) await screenshot(page, { path: `${SCREENSHOTS}${shot}-320.png`, fullPage: true });
      }
      // Targets at phone width.
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      await markTabbable(page);
      expect.soft(await smallTargets(page), `${view.name}: targets under 24 × 24 px at 390 px`).toEqual([]);

      await page.setViewportSize({ width: 1366, height: 768 });
      await settle(page);
      const tabbable = await markTabbable(page);
      const reached = new Set<string>();
      const unseen: string[] = [];
      const extra: string[] = [];
      let left = false;
      let last: string | null = null;
      for (let presses = 0; presses < 2 * tabbable.length + 20; presses++) {
        await page.keyboard.press('Tab');
        const at = await focusState(page);
        if (at === null) {
          left = true;
          break;
        }
        if (at.kb === null) {
          // Chromium makes a scroll container with nothing focusable inside a tab stop of its own.
          if (!at.scroller) extra.push(at.describe);
          continue;
        }
        // A date input takes a Tab per field (day, month, year).
        if (at.kb === last) continue;
        last = at.kb;
        if (reached.has(at.kb)) break;
        reached.add(at.kb);
        if (!at.ring || !at.inView || !at.uncovered) unseen.push(`${at.describe} (ring ${at.ring}, in view ${at.inView}, uncovered ${at.uncovered})`);
      }
      const missed = tabbable.filter((_, i) => !reached.has(String(i)));
      expect.soft({ missed, extra, unseen }, view.name).toEqual({ missed: [], extra: [], unseen: [] });
      expect(left, `${view.name}: Tab leaves the page after its last control (no trap)`).toBe(true);
      await view.operate?.(page, expect);
      expect(problems, view.name).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }));
});
