import { findIndicator } from '../catalogue/indicator-catalogue.ts';
import { LONDON } from '../geography/london-geography.ts';
import { campaignDefinitionSchema, type Campaign, type CampaignSpec } from './campaign-definition.ts';

/** Boroughs with positive sewage samples, offered the 2022 polio booster first (INDICATORS.md). */
const POLIO_PRIORITY_BOROUGHS = [
  'E09000003', // Barnet
  'E09000005', // Brent
  'E09000007', // Camden
  'E09000010', // Enfield
  'E09000012', // Hackney
  'E09000014', // Haringey
  'E09000019', // Islington
  'E09000031', // Waltham Forest
];

/** The campaigns every release knows; a `campaigns.json` may add more or replace one by id. */
export const CAMPAIGN_SPECS: readonly CampaignSpec[] = [
  {
    id: 'polio-ipv-2022',
    name: 'Polio IPV booster campaign 2022 (ages 1 to 9)',
    description: 'After type 2 vaccine-derived poliovirus was found in London sewage, JCVI advised an IPV-containing booster for every child aged 1 to 9 in London (about 900,000 children). Offered first in the boroughs with positive sewage samples, then in all boroughs.',
    indicatorId: 'imm-polio-booster-2022',
    vaccine: 'ipv-campaign',
    dose: null,
    eligible: { bornFrom: '2012-08-11', bornTo: '2021-08-10', label: 'aged 1 to 9 on 10 August 2022' },
    areas: LONDON.code,
    start: '2022-09-12',
    end: '2023-03-31',
    weekEndsOn: 'sunday',
    target: {
      uptake: 50,
      by: '2023-03-31',
      label: 'Illustrative trajectory: half of eligible children by the end of March 2023',
      source: 'Assumption. No national target was published; areas worked to local trajectories (INDICATORS.md). London take-up was 16% by 13 October 2022.',
    },
    priorityAreas: [{ boroughs: POLIO_PRIORITY_BOROUGHS, start: '2022-08-16', label: 'Boroughs with positive sewage samples' }],
    keyDates: [
      { date: '2022-06-22', label: 'National incident declared' },
      { date: '2022-08-10', label: 'JCVI advises a booster for all children aged 1 to 9 in London' },
      { date: '2022-08-16', label: 'Campaign starts in the eight priority boroughs' },
      { date: '2022-09-12', label: 'Campaign open in all boroughs' },
      { date: '2022-10-13', label: 'London take-up reported at 16%' },
      { date: '2023-06-05', label: 'Catch-up for children aged 1 to 11 (summer term 2023; date approximate)' },
    ],
  },
  {
    id: 'mmr-catch-up-2023',
    name: 'MMR catch-up 2023/24 (children born 2018 to 2022)',
    description: 'A catch-up offering MMR to young children with no MMR dose recorded when it opened. Declared as data to show a campaign needing no code: on synthetic data it shows MMR doses given in the window to children who had none before it.',
    indicatorId: null,
    vaccine: 'mmr',
    dose: null,
    eligible: { bornFrom: '2018-01-01', bornTo: '2022-12-31', label: 'born 2018 to 2022 with no MMR dose before 1 November 2023' },
    unvaccinatedAtStart: true,
    areas: LONDON.code,
    start: '2023-11-01',
    end: '2024-03-31',
    weekEndsOn: 'sunday',
    target: {
      uptake: 20,
      by: '2024-03-31',
      label: 'One in five unvaccinated children given a dose by the end of March 2024',
      source: 'Assumption for illustration; not a published target.',
    },
    keyDates: [
      { date: '2023-11-01', label: 'Catch-up opens' },
      { date: '2024-03-31', label: 'Catch-up ends' },
    ],
  },
];

/**
 * Parses a list of campaign definitions (the built-in catalogue, or the contents of a
 * `campaigns.json`); throws naming the source, the campaign and the field on any error, on an
 * id given twice in the list, or on an indicator id the catalogue does not have.
 * @param input parsed JSON: an array of campaign definitions
 * @param source where the list comes from, for messages (e.g. "campaigns.json in the release folder")
 * @example parseCampaigns(CAMPAIGN_SPECS, 'built-in catalogue').map((c) => c.id) // ['polio-ipv-2022', 'mmr-catch-up-2023']
 */
export function parseCampaigns(input: unknown, source: string): readonly Campaign[] {
  if (!Array.isArray(input)) throw new Error(`${source}: expected an array of campaigns`);
  const seen = new Set<string>();
  return Object.freeze(input.map((spec: unknown, i) => {
    const parsed = campaignDefinitionSchema.safeParse(spec);
    const id = typeof spec === 'object' && spec !== null && 'id' in spec ? String(spec.id) : `#${i + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${source}: campaign ${id}: ${issue?.path.join('.') || 'definition'}: ${issue?.message}`);
    }
    if (seen.has(parsed.data.id)) throw new Error(`${source}: campaign ${id} is defined twice`);
    if (parsed.data.indicatorId !== null && !findIndicator(parsed.data.indicatorId)) throw new Error(`${source}: campaign ${id}: indicatorId: no indicator ${JSON.stringify(parsed.data.indicatorId)} in the catalogue`);
    seen.add(parsed.data.id);
    return Object.freeze(parsed.data);
  }));
}

/**
 * Joins campaign lists; a later list's campaign replaces an earlier one with the same id, in place.
 * @example mergeCampaigns(CAMPAIGNS, fromFile).length // 2 + campaigns with new ids
 */
export function mergeCampaigns(...lists: readonly (readonly Campaign[])[]): readonly Campaign[] {
  const byId = new Map<string, Campaign>();
  for (const list of lists) for (const c of list) byId.set(c.id, c);
  return Object.freeze([...byId.values()]);
}

/** The built-in campaigns, parsed and frozen. */
export const CAMPAIGNS: readonly Campaign[] = parseCampaigns(CAMPAIGN_SPECS, 'built-in campaign catalogue');
