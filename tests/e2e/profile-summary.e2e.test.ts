import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS } from '@pathfinder/metrics';
import { expectNoAxeViolations, openBrowser, screenshotBoth, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const NEWHAM = BOROUGHS.find((b) => b.name === 'Newham')!;
const BARNET = BOROUGHS.find((b) => b.name === 'Barnet')!;
const WORSE = ['worse', 'much-worse'];
const BETTER = ['better', 'much-better'];

describe('the public reads their borough in plain words', () => {
  it('reaches Newham’s profile against London in one action from the Overview, reads its summary, and follows a glossary link', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url('/'));
    await page.locator('table.matrix').waitFor();

    // Action 1 (the only one): Newham's name in the Overview's matrix opens its profile.
    await page.getByRole('grid').getByRole('link', { name: 'Newham', exact: true }).click();
    await page.waitForURL(new RegExp(`/areas/${NEWHAM.code}$`));
    await page.getByRole('heading', { level: 1, name: 'Area profile: Newham' }).waitFor();
    expect(await page.getByLabel('Compare with').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('London');

    // The summary on screen counts what the API says for the rows against London.
    const summary = page.getByTestId('profile-summary-immunisation');
    await summary.waitFor();
    const answer = (await (await page.request.get(url(`/api/v1/areas/${NEWHAM.code}/profile?comparator=london`))).json()) as { rows: { domain: string; comparison: string; suppressed: boolean }[] };
    const all = answer.rows.filter((r) => r.domain === 'immunisation');
    const rows = all.filter((r) => !r.suppressed && r.comparison !== 'not-compared');
    const count = (kinds: string[]) => rows.filter((r) => kinds.includes(r.comparison)).length;
    const measures = rows.length === all.length ? `${rows.length} childhood vaccination measures` : `the ${rows.length} childhood vaccination measures that could be compared`;
    expect(await summary.innerText()).toContain(`Newham is worse than London on ${count(WORSE)} of ${measures}, similar on ${count(['similar'])} and better on ${count(BETTER)}`);
    expect(count(WORSE)).toBeLessThan(rows.length); // against London, not every row is worse (against England, every one was)

    // The table names the comparator, and its headers link to the glossary.
    const panel = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: 'Immunisation: Newham' }) });
    await panel.getByRole('button', { name: 'Show data table' }).click();
    await panel.getByRole('button', { name: /Compared with London/ }).waitFor();
    expect(await panel.getByRole('link', { name: 'What “Confidence interval” means' }).first().getAttribute('href')).toBe('/glossary#confidence-interval');
    await panel.getByRole('button', { name: 'Show chart' }).click();
    await page.locator('svg[data-export]').first().waitFor();
    await expectNoAxeViolations(page, 'Newham profile');
    await screenshotBoth(page, 'profile-summary-newham');

    // The legend's words lead to their glossary entry, which takes the focus.
    await page.getByRole('link', { name: 'better, similar and worse' }).click();
    await page.waitForURL(/\/glossary#similar$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('similar');
    expect(await page.locator('#similar + dd').innerText()).toMatch(/unlikely to be down to chance/);
    for (const term of ['MMR1', '6-in-1', 'Hib/MenC', 'PCV', 'MenB', '95% confidence', '99.8% confidence', 'Confidence interval', 'SPC', 'ICB', 'ICS', 'PCN', 'Suppressed']) {
      expect(await page.locator('dt').filter({ hasText: term }).count(), term).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page, 'glossary');
    await screenshotBoth(page, 'profile-summary-glossary');
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 90_000);

  it('keeps the chosen ICB through the profile to an indicator, and another borough chosen there chooses its ICB', async () => {
    const { page, problems } = await session.newPage();
    await page.goto(url(`/?icb=${NEWHAM.parent}`));
    await page.getByRole('grid').getByRole('link', { name: 'Newham', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/areas/${NEWHAM.code}` && u.searchParams.get('icb') === NEWHAM.parent);
    await page.getByRole('heading', { level: 1, name: 'Area profile: Newham' }).waitFor();

    await page.getByLabel('Area', { exact: true }).selectOption(BARNET.code);
    await page.waitForURL((u) => u.pathname === `/areas/${BARNET.code}` && u.searchParams.get('icb') === BARNET.parent);
    await page.locator('.spine-chart a').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/indicators/') && u.searchParams.get('area') === BARNET.code && u.searchParams.get('icb') === BARNET.parent);
    await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 90_000);
});
