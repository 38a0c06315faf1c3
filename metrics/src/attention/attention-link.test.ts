import { describe, expect, it } from 'vitest';
import { attentionLink } from './attention-link.ts';

describe('attentionLink', () => {
  it('opens the Indicator page at the area and period with the signal', () => {
    expect(attentionLink({ kind: 'indicator', indicatorId: 'imm-mmr1-24m', areaCode: 'E09000012', areaType: 'borough', period: '2024/25 Q4', signal: 'worse-998', release: null })).toBe(
      '/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&areaType=borough&area=E09000012&signal=worse-998',
    );
  });

  it('opens a practice on the borough level, and keeps a named release', () => {
    const link = attentionLink({ kind: 'indicator', indicatorId: 'htn-ttt-all', areaCode: 'F84001', areaType: 'practice', period: '2024/25 Q4', signal: null, release: 'synthetic-abc' });
    expect(link).toBe('/indicators/htn-ttt-all?period=2024%2F25%20Q4&areaType=borough&area=F84001&release=synthetic-abc');
  });

  it('opens the campaign view for a campaign item', () => {
    expect(attentionLink({ kind: 'campaign', indicatorId: 'polio-ipv-2022', areaCode: 'E09000012', areaType: 'borough', period: '2022-W41', signal: 'behind-trajectory', release: null })).toBe('/campaigns/polio-ipv-2022?area=E09000012');
  });
});
