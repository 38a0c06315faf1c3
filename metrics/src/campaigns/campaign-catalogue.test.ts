import { describe, expect, it } from 'vitest';
import { BOROUGHS } from '../geography/london-geography.ts';
import { CAMPAIGNS, CAMPAIGN_SPECS, mergeCampaigns, parseCampaigns } from './campaign-catalogue.ts';
import { boroughStart, campaignCoversBorough, campaignOpens, type CampaignSpec } from './campaign-definition.ts';

const polioSpec = CAMPAIGN_SPECS.find((c) => c.id === 'polio-ipv-2022')!;
const spec = (overrides: Partial<CampaignSpec>): CampaignSpec => ({ ...polioSpec, id: 'test-campaign', ...overrides });

describe('campaign catalogue', () => {
  it('holds the 2022 polio campaign with its INDICATORS.md facts, and the MMR catch-up as data only', () => {
    const polio = CAMPAIGNS.find((c) => c.id === 'polio-ipv-2022')!;
    expect(polio.priorityAreas[0]!.boroughs.map((code) => BOROUGHS.find((b) => b.code === code)!.name).sort()).toEqual(
      ['Barnet', 'Brent', 'Camden', 'Enfield', 'Hackney', 'Haringey', 'Islington', 'Waltham Forest'],
    );
    expect(polio.keyDates.map((d) => d.date)).toEqual(expect.arrayContaining(['2022-06-22', '2022-08-10', '2022-08-16', '2022-09-12', '2022-10-13']));
    expect(campaignOpens(polio)).toBe('2022-08-16');
    expect(boroughStart(polio, 'E09000003')).toBe('2022-08-16');
    expect(boroughStart(polio, 'E09000006')).toBe('2022-09-12');
    const mmr = CAMPAIGNS.find((c) => c.id === 'mmr-catch-up-2023')!;
    expect(mmr).toMatchObject({ vaccine: 'mmr', dose: null, unvaccinatedAtStart: true, start: '2023-11-01', end: '2024-03-31', eligible: { bornFrom: '2018-01-01', bornTo: '2022-12-31' }, priorityAreas: [] });
    expect(Object.isFrozen(mmr)).toBe(true);
  });

  it('applies defaults to a minimal definition', () => {
    const { indicatorId: _i, dose: _d, unvaccinatedAtStart: _u, priorityAreas: _p, keyDates: _k, ...minimal } = polioSpec;
    const [parsed] = parseCampaigns([{ ...minimal, id: 'minimal' }], 'test');
    expect(parsed).toMatchObject({ indicatorId: null, dose: null, unvaccinatedAtStart: false, priorityAreas: [], keyDates: [] });
  });

  it.each([
    { case: 'birth range reversed', overrides: { eligible: { bornFrom: '2020-01-01', bornTo: '2019-01-01' } }, message: 'campaign test-campaign: eligible.bornTo: bornTo (2019-01-01) is before bornFrom (2020-01-01)' },
    { case: 'end before start', overrides: { end: '2022-01-01' }, message: 'end: end (2022-01-01) is before start (2022-09-12)' },
    { case: 'target before opening', overrides: { target: { ...polioSpec.target, by: '2022-08-01' } }, message: 'target.by: target date (2022-08-01) must be after the campaign opens (2022-08-16)' },
    { case: 'unknown borough', overrides: { areas: ['E09000099'] }, message: 'areas' },
    { case: 'priority borough outside the areas', overrides: { areas: ['E09000006'] }, message: 'priority borough E09000003 is not one of the campaign\'s areas' },
    { case: 'unknown vaccine', overrides: { vaccine: 'bcg' as never }, message: 'campaign test-campaign: vaccine' },
    { case: 'uptake above 100', overrides: { target: { ...polioSpec.target, uptake: 120 } }, message: 'target.uptake' },
    { case: 'unknown indicator', overrides: { indicatorId: 'imm-nope' }, message: 'indicatorId: no indicator "imm-nope" in the catalogue' },
  ])('rejects a definition with $case, naming the field', ({ overrides, message }) => {
    expect(() => parseCampaigns([spec(overrides as Partial<CampaignSpec>)], 'campaigns.json')).toThrow(message);
  });

  it('rejects an id given twice and a file that is not a list', () => {
    expect(() => parseCampaigns([spec({}), spec({})], 'campaigns.json')).toThrow('campaigns.json: campaign test-campaign is defined twice');
    expect(() => parseCampaigns({ id: 'x' }, 'campaigns.json')).toThrow('campaigns.json: expected an array of campaigns');
  });

  it('merges lists: a later campaign replaces one with the same id in place, new ids are appended', () => {
    const [override] = parseCampaigns([{ ...polioSpec, name: 'Local override' }], 'file');
    const [extra] = parseCampaigns([spec({ areas: ['E09000003', 'E09000005'], priorityAreas: [] })], 'file');
    const merged = mergeCampaigns(CAMPAIGNS, [override!, extra!]);
    expect(merged.map((c) => c.id)).toEqual(['polio-ipv-2022', 'mmr-catch-up-2023', 'test-campaign']);
    expect(merged[0]!.name).toBe('Local override');
    expect(campaignCoversBorough(extra!, 'E09000005')).toBe(true);
    expect(campaignCoversBorough(extra!, 'E09000006')).toBe(false);
  });
});
