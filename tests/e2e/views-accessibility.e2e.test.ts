import { afterAll, beforeAll, describe, it, inject, expect } from 'vitest';
import { expectNoAxeViolations, openBrowser, screenshotBoth, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const VIEWS = [
  { name: 'overview', path: '/?parent=E54000029', ready: 'table.matrix' },
  { name: 'indicator', path: '/indicators/imm-mmr1-24m?area=E09000012', ready: '.boundary-map__svg' },
  { name: 'indicator-its', path: '/indicators/imm-dtap-ipv-hib3-12m?area=E09000012&its=2022%2F23+Q2', ready: 'section.its-by-area tbody tr' },
  { name: 'area-profile', path: '/areas/E09000025', ready: 'svg[data-export]' },
  { name: 'practices', path: '/practices?icb=E54000029', ready: '.recharts-surface', token: 'regionToken' as const },
  { name: 'inequalities', path: '/inequalities?indicator=imm-mmr1-24m&area=E12000007&by=deprivation', ready: '.recharts-surface' },
  { name: 'explore', path: '/explore?icb=E54000029&from=2024-01&to=2024-12&q=1%2C2&detail=practice', ready: '[data-testid="explore-views"][aria-busy="false"] [data-testid="explore-practices"] tbody tr', token: 'regionToken' as const, timeout: 90_000 },
  { name: 'explore-public', path: '/explore?icb=E54000029&q=1', ready: '[data-testid="explore-views"][aria-busy="false"] .boundary-map__svg', timeout: 90_000 },
  { name: 'campaign', path: '/campaigns/polio-ipv-2022', ready: '[data-testid="gap-ethnicity"]', token: 'regionToken' as const },
  { name: 'attention-public', path: '/attention', ready: '[data-testid="severity-counts"]' },
  { name: 'attention-ics', path: '/attention', ready: '[data-testid="attention-list"] li', token: 'nelToken' as const },
  { name: 'attention-signals', path: '/attention/signals', ready: '[data-testid="signals-summary"] tbody tr', token: 'nelToken' as const },
];

describe('every view', () => {
  it.each(VIEWS)('$name has no axe (WCAG 2.2 AA) violations, no console error or failed request, and screenshots at 1366×768 and 390×844', async (view) => {
    const { page, problems } = await session.newPage(view.token ? { token: inject(view.token) } : {});
    await page.goto(url(view.path));
    await page.locator(view.ready).first().waitFor({ timeout: view.timeout ?? 30_000 });
    await page.waitForTimeout(500);
    await expectNoAxeViolations(page, view.name);
    await screenshotBoth(page, view.name);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 150_000); // a loaded 2-core CI machine: the Explore and campaign views take longer than the default minute
});
