import { describe, expect, it } from 'vitest';
import { pinnedDashboardView } from './dashboard-view.ts';

describe('pinnedDashboardView', () => {
  it('pins the release on each dashboard page, replacing one already there and keeping the rest as written', () => {
    expect(pinnedDashboardView('/', 'r1')).toEqual({ view: '/?release=r1' });
    expect(pinnedDashboardView('/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&area=E09000012', 'r1')).toEqual({ view: '/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&area=E09000012&release=r1' });
    expect(pinnedDashboardView('/campaigns/polio-ipv-2022?release=r0&area=E09000012&release=r9', 'synthetic-s42.x1_v3')).toEqual({ view: '/campaigns/polio-ipv-2022?area=E09000012&release=synthetic-s42.x1_v3' });
    expect(pinnedDashboardView('/explore?', 'r1')).toEqual({ view: '/explore?release=r1' });
    expect(pinnedDashboardView('/attention/signals?level=borough&area=E09000012', 'r1')).toEqual({ view: '/attention/signals?level=borough&area=E09000012&release=r1' });
  });

  it('refuses other origins, schemes, unknown pages and what the dashboard never writes', () => {
    for (const view of ['', 'indicators/x', '//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'data:text/html,x', '/indicators', '/indicators/', '/indicators/..', '/indicators/.hidden', '/indicators/a/b', '/areas/E09000012/profile', '/practice', '/?a=<b>', '/?a="x"', '/?a=b c', '/?a=%ZZ', '/?1a=b', '/#top', '/\u00e9']) {
      expect(pinnedDashboardView(view, 'r1'), view).toHaveProperty('error');
    }
  });
});
