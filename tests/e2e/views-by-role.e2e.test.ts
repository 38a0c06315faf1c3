import { afterAll, beforeAll, describe, expect, inject, it, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, openBrowser, screenshotBoth, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const ROLES = [
  { role: 'public', token: undefined },
  { role: 'ics', token: 'nelToken' as const },
  { role: 'region', token: 'regionToken' as const },
] as const;
type Role = (typeof ROLES)[number]['role'];

const NOTICE = '[data-testid="practice-access-notice"]';
const ATTENTION = '[data-testid="severity-counts"]';

interface View {
  name: string;
  path: string;
  ready: string;
  /** Where a role sees something else once loaded (a notice instead of practice data). */
  readyAs?: Partial<Record<Role, string>>;
  /**
   * The role whose load of this view is also checked with axe (WCAG 2.2 AA) and screenshotted at
   * desktop and phone widths, under `shot`; `auditReady` is what must have drawn first (the map).
   */
  audit?: { role: Role; shot: string; auditReady?: string };
  /** What a role does on the loaded page before the audit (which then checks the state it leaves). */
  journey?: { role: Role; run: (page: Page, expect: ExpectStatic) => Promise<void> };
  /** The roles that load it, when what it asks for does not depend on the caller (default: every role). */
  roles?: readonly Role[];
}

/**
 * The Practices page as an ICS lead uses it: the funnel centred on London by default, then on the
 * target (the words and the limits change); the groups counted once each; the children still needed;
 * a practice's trend from a mark and, by keyboard, from the table, with its data table; Back closes it.
 */
async function practicesJourney(page: Page, expect: ExpectStatic) {
  const centreWords = page.getByTestId('funnel-centre');
  // The lower 95% limit: at small practices the upper ones are cut at 100% whatever the centre.
  const limits = page.locator('[data-funnel-limits] path').nth(3);
  expect(await page.getByTestId('practice-lede').innerText()).toContain('centred on London’s value');
  expect(await centreWords.innerText()).toContain('The dark line is the centre, London (');
  const summary = await page.getByTestId('funnel-summary').locator('li').allInnerTexts();
  expect(summary.at(-1)).toMatch(/^\d+ practices? within the 95% limits\.$/);
  for (const line of summary.slice(0, -1)) expect(line).toMatch(/^\d+ practices? (below|above) the funnel \((worse|better) than London\)(: \d+ (below|above) the 99\.8% limit and \d+ more between the 95% and 99\.8% limits|, (all )?(below|above) the 99\.8% limit|, (all )?between the 95% and 99\.8% limits)\.$/);
  const londonLimits = await limits.getAttribute('d');

  await page.getByLabel('Funnel centred on').selectOption('target');
  await expect.poll(() => centreWords.innerText()).toContain('The dark line is the centre, the 95% target');
  await expect.poll(() => limits.getAttribute('d')).not.toBe(londonLimits);
  expect(await page.getByTestId('practice-lede').innerText()).toContain('centred on the 95% (WHO / UK target)');
  expect(page.url()).toContain('centre=target');
  expect((await page.getByTestId('funnel-summary').innerText())).toContain('than the 95% target');

  const table = page.locator('section.practice-table');
  expect(await table.locator('thead').innerText()).toContain('Children still needed for 95%');
  expect(await table.locator('.chart-panel__description').innerText()).toContain('to reach the 95% target (not all those not yet vaccinated)');

  const trend = page.getByTestId('practice-trend');
  // The last mark drawn is on top of any it shares its place with.
  await page.locator('.chart-panel__chart .recharts-scatter-symbol').last().click();
  await expect.poll(() => page.url()).toMatch(/practice=[A-Z0-9]+/);
  await trend.locator('.recharts-surface').waitFor();

  const link = table.locator('tbody a[data-practice]').nth(1);
  const code = (await link.getAttribute('data-practice'))!;
  await link.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => trend.locator('h2').innerText()).toContain(`(${code})`);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="practice-trend"]') !== null)).toBe(true);
  // A small practice's limits reach past 100%; the percentage axis still stops there.
  const tickValues = trend.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect.poll(() => tickValues.count()).toBeGreaterThan(2);
  expect(Math.max(...(await tickValues.allTextContents()).map((t) => Number.parseFloat(t)))).toBeLessThanOrEqual(100);
  expect(page.url()).toContain(`practice=${code}`);
  await trend.getByRole('button', { name: 'Show data table' }).click();
  expect(await trend.locator('tbody tr').count()).toBeGreaterThan(3);
  await trend.getByRole('button', { name: 'Show chart' }).click();

  await page.goBack();
  await expect.poll(() => trend.locator('h2').innerText()).not.toContain(`(${code})`);
  await page.goForward();
  await expect.poll(() => trend.locator('h2').innerText()).toContain(`(${code})`);
  await trend.locator('.recharts-surface').waitFor();
}

// The ics token is North East London's (E54000029). One page load per view and role: the accessibility
// audit runs on the load it names instead of loading the view again. Every route loads for every role; a
// second state of a route whose requests do not depend on the caller loads for one role (`roles`), the one
// it is for.
const VIEWS: View[] = [
  // A signed-in user who opens the dashboard lands on Attention.
  { name: 'overview', path: '/', ready: 'table.matrix', readyAs: { ics: ATTENTION, region: ATTENTION } },
  { name: 'overview of one ICB', path: '/?parent=E54000029', ready: 'table.matrix', audit: { role: 'public', shot: 'overview' } },
  { name: 'attention', path: '/attention', ready: ATTENTION, audit: { role: 'public', shot: 'attention-public' } },
  { name: 'attention at practice level', path: '/attention?areaType=practice', ready: ATTENTION, audit: { role: 'ics', shot: 'attention-ics', auditReady: '[data-testid="attention-list"] li' } },
  { name: 'attention, new since the last release', path: '/attention?new=true', ready: '[data-testid="attention-new"]', roles: ['ics'] },
  { name: 'signals summary', path: '/attention/signals', ready: '[data-testid="signals-summary"] tbody tr', audit: { role: 'ics', shot: 'attention-signals' } },
  { name: 'signals summary of a borough', path: '/attention/signals?level=borough&area=E09000012', ready: '[data-testid="signals-summary"] tbody tr', roles: ['public'] },
  { name: 'indicator', path: '/indicators/imm-mmr1-24m?area=E09000012', ready: '.recharts-surface', audit: { role: 'public', shot: 'indicator', auditReady: '.boundary-map__svg' } },
  // Axe and screenshots of the interrupted time series are in its-journey.e2e.test.ts.
  { name: 'indicator with an intervention marked', path: '/indicators/imm-dtap-ipv-hib3-12m?area=E09000012&its=2022%2F23+Q2', ready: 'section.its-by-area tbody tr', roles: ['region'] },
  { name: 'area profile', path: '/areas/E09000012', ready: 'svg[data-export]', audit: { role: 'public', shot: 'area-profile' } },
  { name: 'area profile against its ICB', path: '/areas/E09000012?comparator=icb', ready: '[data-testid="profile-summary-immunisation"]', roles: ['public'] },
  { name: 'glossary', path: '/glossary', ready: 'dl.glossary', roles: ['public'] },
  { name: 'practices', path: '/practices?icb=E54000029', ready: '.recharts-surface', readyAs: { public: NOTICE }, audit: { role: 'region', shot: 'practices' }, journey: { role: 'region', run: practicesJourney } },
  { name: 'practices of another ICB', path: '/practices?icb=E54000027', ready: '.recharts-surface', readyAs: { public: NOTICE, ics: NOTICE } },
  { name: 'campaign outreach list of another ICB', path: '/campaigns/polio-ipv-2022?icb=E54000027', ready: '[data-testid="gap-ethnicity"]' },
  { name: 'inequalities', path: '/inequalities?indicator=imm-mmr1-24m&area=E12000007&by=deprivation', ready: '.recharts-surface', audit: { role: 'public', shot: 'inequalities' } },
  { name: 'campaign', path: '/campaigns/polio-ipv-2022', ready: '[data-testid="gap-ethnicity"]', audit: { role: 'region', shot: 'campaign' } },
  // Explore (DuckDB-WASM in the page) is loaded by every role, with axe and screenshots, in explore-journey.e2e.test.ts.
  { name: 'a page that does not exist', path: '/no-such-page', ready: 'h1:has-text("Page not found")', roles: ['public'] },
];

// A role's views are pages of one browser context, so they share its HTTP cache as a user's tabs do (the app keeps
// nothing but the token, per tab, in storage), and three load at a time: most of a load is waiting on the server.
describe.each(ROLES)('every view as $role', ({ role, token }) => {
  let tabs: Awaited<ReturnType<typeof session.newContext>>;
  beforeAll(async () => {
    tabs = await session.newContext(token ? { token: inject(token) } : {});
  });
  afterAll(() => tabs?.context.close());

  // 150 s: on a loaded 2-core CI machine the audited campaign and practices views take longer than the default minute.
  it.concurrent.for(VIEWS.filter((v) => !v.roles || v.roles.includes(role)))('$name loads with no console error and no failed request', { timeout: 150_000 }, async (view, { expect }) => {
    const { page, problems } = await tabs.newPage();
    const shot = view.audit?.role === role ? view.audit.shot : undefined;
    try {
      await page.goto(url(view.path));
      await page.locator(view.readyAs?.[role] ?? view.ready).first().waitFor({ timeout: 30_000 });
      // The test's own expect: a concurrent test's assertions (expect.poll above all) must name the test they belong to.
      if (view.journey?.role === role) await view.journey.run(page, expect);
      if (view.audit?.auditReady && shot) await page.locator(view.audit.auditReady).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      if (shot) {
        await expectNoAxeViolations(page, `${view.name} as ${role}`);
        await screenshotBoth(page, shot);
      }
      // The server answers an unknown page's address with a 404 status (and the app says so).
      expect(problems.filter((p) => p !== `404 GET ${view.path}`), `${view.name} as ${role}`).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('an ICS caller lands on its own ICB', () => {
  it("starts the campaign's outreach list at the token's ICB and lists its practices", async () => {
    const { page, context, problems } = await session.newPage({ token: inject('nelToken') });
    try {
      await page.goto(url('/campaigns/polio-ipv-2022'));
      const outreach = page.locator('section.outreach');
      await outreach.locator('tbody tr').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => outreach.getByLabel('ICB').inputValue()).toBe('E54000029');
      expect(await outreach.getByRole('heading', { level: 2 }).innerText()).toContain('North East London');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
