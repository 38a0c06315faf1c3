import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
const EXPLORE_READY = '[data-testid="explore-views"][aria-busy="false"]';

interface View {
  name: string;
  path: string;
  /** A role that opens the view at another address (Explore's public map, the region's practice detail). */
  pathAs?: Partial<Record<Role, string>>;
  ready: string;
  /** Where a role sees something else once loaded (a notice instead of practice data). */
  readyAs?: Partial<Record<Role, string>>;
  /**
   * The role whose load of this view is also checked with axe (WCAG 2.2 AA) and screenshotted at
   * desktop and phone widths, under `shot`; `auditReady` is what must have drawn first (the map).
   */
  audit?: { role: Role; shot: string; auditReady?: string };
  timeout?: number;
}

// The ics token is North East London's (E54000029). One page load per view and role: the accessibility
// audit runs on the load it names instead of loading the view again.
const VIEWS: View[] = [
  // A signed-in user who opens the dashboard lands on Attention.
  { name: 'overview', path: '/', ready: 'table.matrix', readyAs: { ics: ATTENTION, region: ATTENTION } },
  { name: 'overview of one ICB', path: '/?parent=E54000029', ready: 'table.matrix', audit: { role: 'public', shot: 'overview' } },
  { name: 'attention', path: '/attention', ready: ATTENTION, audit: { role: 'public', shot: 'attention-public' } },
  { name: 'attention at practice level', path: '/attention?areaType=practice', ready: ATTENTION, audit: { role: 'ics', shot: 'attention-ics', auditReady: '[data-testid="attention-list"] li' } },
  { name: 'attention, new since the last release', path: '/attention?new=true', ready: '[data-testid="attention-new"]' },
  { name: 'signals summary', path: '/attention/signals', ready: '[data-testid="signals-summary"] tbody tr', audit: { role: 'ics', shot: 'attention-signals' } },
  { name: 'signals summary of a borough', path: '/attention/signals?level=borough&area=E09000012', ready: '[data-testid="signals-summary"] tbody tr' },
  { name: 'indicator', path: '/indicators/imm-mmr1-24m?area=E09000012', ready: '.recharts-surface', audit: { role: 'public', shot: 'indicator', auditReady: '.boundary-map__svg' } },
  // Axe and screenshots of the interrupted time series are in its-journey.e2e.test.ts.
  { name: 'indicator with an intervention marked', path: '/indicators/imm-dtap-ipv-hib3-12m?area=E09000012&its=2022%2F23+Q2', ready: 'section.its-by-area tbody tr' },
  { name: 'area profile', path: '/areas/E09000012', ready: 'svg[data-export]', audit: { role: 'public', shot: 'area-profile' } },
  { name: 'area profile against its ICB', path: '/areas/E09000012?comparator=icb', ready: '[data-testid="profile-summary-immunisation"]' },
  { name: 'glossary', path: '/glossary', ready: 'dl.glossary' },
  { name: 'practices', path: '/practices?icb=E54000029', ready: '.recharts-surface', readyAs: { public: NOTICE }, audit: { role: 'region', shot: 'practices' } },
  { name: 'practices of another ICB', path: '/practices?icb=E54000027', ready: '.recharts-surface', readyAs: { public: NOTICE, ics: NOTICE } },
  { name: 'campaign outreach list of another ICB', path: '/campaigns/polio-ipv-2022?icb=E54000027', ready: '[data-testid="gap-ethnicity"]' },
  { name: 'inequalities', path: '/inequalities?indicator=imm-mmr1-24m&area=E12000007&by=deprivation', ready: '.recharts-surface', audit: { role: 'public', shot: 'inequalities' } },
  { name: 'campaign', path: '/campaigns/polio-ipv-2022', ready: '[data-testid="gap-ethnicity"]', audit: { role: 'region', shot: 'campaign' } },
  {
    name: 'explore',
    path: '/explore',
    pathAs: { public: '/explore?icb=E54000029&q=1', region: '/explore?icb=E54000029&from=2024-01&to=2024-12&q=1%2C2&detail=practice' },
    ready: EXPLORE_READY,
    readyAs: { public: `${EXPLORE_READY} .boundary-map__svg`, region: `${EXPLORE_READY} [data-testid="explore-practices"] tbody tr` },
    timeout: 90_000,
  },
  { name: 'a page that does not exist', path: '/no-such-page', ready: 'h1:has-text("Page not found")' },
];
// Explore is audited as the public (its map) and as the region (practice detail), under the names it always had.
const EXPLORE_SHOTS: Partial<Record<Role, string>> = { public: 'explore-public', region: 'explore' };

// A role's views are pages of one browser context, so they share its HTTP cache as a user's tabs do (the app keeps
// nothing but the token, per tab, in storage), and three load at a time: most of a load is waiting on the server.
describe.each(ROLES)('every view as $role', ({ role, token }) => {
  let tabs: Awaited<ReturnType<typeof session.newContext>>;
  beforeAll(async () => {
    tabs = await session.newContext(token ? { token: inject(token) } : {});
  });
  afterAll(() => tabs?.context.close());

  // 150 s: on a loaded 2-core CI machine the audited Explore and campaign views take longer than the default minute.
  it.concurrent.for(VIEWS)('$name loads with no console error and no failed request', { timeout: 150_000 }, async (view, { expect }) => {
    const { page, problems } = await tabs.newPage();
    const path = view.pathAs?.[role] ?? view.path;
    const shot = view.audit?.role === role ? view.audit.shot : view.name === 'explore' ? EXPLORE_SHOTS[role] : undefined;
    try {
      await page.goto(url(path));
      await page.locator(view.readyAs?.[role] ?? view.ready).first().waitFor({ timeout: view.timeout ?? 30_000 });
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
