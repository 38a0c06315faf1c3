import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, openBrowser, url } from './browser-session.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

describe('API reference page', () => {
  it('renders every operation from the OpenAPI document and runs one with "Try it"', async () => {
    const { page } = await session.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await page.goto(url('/api/v1/docs'));
    const values = page.locator('section', { has: page.getByRole('heading', { name: /\/indicators\/\{id\}\/values$/ }) });
    await values.waitFor();
    expect(await page.locator('main section').count()).toBeGreaterThanOrEqual(15);
    await values.getByLabel(/^id/).fill('imm-mmr1-24m');
    await values.getByRole('button', { name: 'Try it' }).click();
    await expect.poll(() => values.locator('pre').innerText()).toMatch(/^200 /);
    expect(await values.locator('pre').innerText()).toContain('"indicatorId": "imm-mmr1-24m"');
    await expectNoAxeViolations(page, 'api-docs');
    expect(violations).toEqual([]);
  });
});
