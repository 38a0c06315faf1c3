import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, url } from './browser-session.ts';

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

const NOTICE = '[data-testid="practice-access-notice"]';
const ATTENTION = '[data-testid="severity-counts"]';

// What each view shows once it has loaded; `readyAs` where a role sees something else (a notice
// instead of practice data). The ics token is North East London's (E54000029).
const VIEWS: { name: string; path: string; ready: string; readyAs?: Partial<Record<(typeof ROLES)[number]['role'], string>>; timeout?: number }[] = [
  // A signed-in user who opens the dashboard lands on Attention.
  { name: 'overview', path: '/', ready: 'table.matrix', readyAs: { ics: ATTENTION, region: ATTENTION } },
  { name: 'overview of one ICB', path: '/?parent=E54000029', ready: 'table.matrix' },
  { name: 'attention', path: '/attention', ready: ATTENTION },
  { name: 'attention at practice level', path: '/attention?areaType=practice', ready: ATTENTION },
  { name: 'signals summary', path: '/attention/signals', ready: '[data-testid="signals-summary"] tbody tr' },
  { name: 'signals summary of a borough', path: '/attention/signals?level=borough&area=E09000012', ready: '[data-testid="signals-summary"] tbody tr' },
  { name: 'indicator', path: '/indicators/imm-mmr1-24m?area=E09000012', ready: '.recharts-surface' },
  { name: 'area profile', path: '/areas/E09000012', ready: 'svg[data-export]' },
  { name: 'practices', path: '/practices?icb=E54000029', ready: '.recharts-surface', readyAs: { public: NOTICE } },
  { name: 'practices of another ICB', path: '/practices?icb=E54000027', ready: '.recharts-surface', readyAs: { public: NOTICE, ics: NOTICE } },
  { name: 'campaign outreach list of another ICB', path: '/campaigns/polio-ipv-2022?icb=E54000027', ready: '[data-testid="gap-ethnicity"]' },
  { name: 'inequalities', path: '/inequalities?indicator=imm-mmr1-24m&area=E12000007&by=deprivation', ready: '.recharts-surface' },
  { name: 'campaign', path: '/campaigns/polio-ipv-2022', ready: '[data-testid="gap-ethnicity"]' },
  { name: 'explore', path: '/explore', ready: '[data-testid="explore-views"][aria-busy="false"]', timeout: 90_000 },
  { name: 'a page that does not exist', path: '/no-such-page', ready: 'h1:has-text("Page not found")' },
];

describe.each(ROLES)('every view as $role', ({ role, token }) => {
  it.each(VIEWS)('$name loads with no console error and no failed request', async (view) => {
    const { page, context, problems } = await session.newPage(token ? { token: inject(token) } : {});
    try {
      await page.goto(url(view.path));
      const ready = view.readyAs?.[role] ?? view.ready;
      await page.locator(ready).first().waitFor({ timeout: view.timeout ?? 30_000 });
      await page.waitForLoadState('networkidle');
      // The server answers an unknown page's address with a 404 status (and the app says so).
      expect(problems.filter((p) => p !== `404 GET ${view.path}`), `${view.name} as ${role}`).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await context.close();
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
