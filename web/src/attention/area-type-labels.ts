import type { AreaType } from '@pathfinder/metrics';

/** Area levels in words, one and many: the attention filters and tables. */
export const AREA_TYPE_LABELS: Record<AreaType, { one: string; many: string }> = {
  england: { one: 'England', many: 'England' },
  region: { one: 'Region', many: 'Region (London)' },
  icb: { one: 'ICB', many: 'ICBs' },
  borough: { one: 'Borough', many: 'Boroughs' },
  pcn: { one: 'PCN', many: 'Primary care networks (PCNs)' },
  practice: { one: 'Practice', many: 'GP practices' },
};
