import { describe, expect, it } from 'vitest';
import { campaignGroupLabel, campaignGroupOrder } from './campaign-groups.ts';

describe('campaign breakdown groups', () => {
  it('labels quintiles, ethnic groups and unrecorded values in words', () => {
    expect(['deprivation:1', 'deprivation:3', 'deprivation:5', 'ethnicity:Asian', 'ethnicity:unknown'].map(campaignGroupLabel))
      .toEqual(['Most deprived 20%', 'Quintile 3', 'Least deprived 20%', 'Asian', 'Not recorded']);
  });

  it('orders quintiles most to least deprived and ethnic groups as the census does, unknown last', () => {
    expect(['deprivation:unknown', 'deprivation:5', 'deprivation:1', 'deprivation:3'].sort(campaignGroupOrder)).toEqual(['deprivation:1', 'deprivation:3', 'deprivation:5', 'deprivation:unknown']);
    expect(['ethnicity:unknown', 'ethnicity:Other', 'ethnicity:Gypsy', 'ethnicity:Black', 'ethnicity:White'].sort(campaignGroupOrder))
      .toEqual(['ethnicity:White', 'ethnicity:Black', 'ethnicity:Other', 'ethnicity:Gypsy', 'ethnicity:unknown']);
  });
});
