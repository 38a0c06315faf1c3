import { describe, expect, it } from 'vitest';
import { findIndicator } from '@pathfinder/metrics';
import { funnelCentreOf, practiceCentre, trendComparatorOf } from './practice-centre.ts';

describe('the Practices funnel’s centre', () => {
  it('asks the API for the pooled average when the page is centred on the ICB', () => {
    expect([funnelCentreOf('london'), funnelCentreOf('icb'), funnelCentreOf('target')]).toEqual(['london', 'pooled', 'target']);
  });
  it('falls back to London for the target of an indicator without one', () => {
    expect(practiceCentre(findIndicator('imm-mmr1-24m')!, 'target')).toBe('target');
    expect(practiceCentre(findIndicator('imm-futd-24m')!, 'target')).toBe('london');
    expect(practiceCentre(findIndicator('imm-futd-24m')!, 'icb')).toBe('icb');
  });
  it('compares a practice’s trend with its ICB only when the funnel is centred there', () => {
    expect([trendComparatorOf('icb', 'E54000029'), trendComparatorOf('london', 'E54000029'), trendComparatorOf('target', 'E54000029')]).toEqual(['E54000029', 'london', 'london']);
  });
});
