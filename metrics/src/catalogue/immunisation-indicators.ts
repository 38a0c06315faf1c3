import type { IndicatorSpec } from './indicator-spec.ts';

const COVER_SOURCE = {
  name: 'UKHSA Cover of vaccination evaluated rapidly (COVER), quarterly',
  url: 'https://www.gov.uk/government/collections/vaccine-uptake',
};
const WHO_TARGETS = [
  { value: 95, label: '95% (WHO / UK target)', source: 'WHO European Region; NHS public health functions agreement' },
];
const MINIMUM_90 = { value: 90, label: '90% minimum', source: 'OHID Fingertips PHOF benchmark for childhood vaccination coverage (below 90% is red, 95% and over green)' };
const EVENTS_SOURCE = { name: 'Vaccination events in GP records (derived)' };

const ALL_AREAS = ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] as const;
const BREAKDOWNS = ['deprivation', 'ethnicity', 'sex'] as const;
const CITY_IN_HACKNEY = 'COVER counts City of London within Hackney.';
const HEXAVALENT = 'Children born from 1 August 2017 get the 6-in-1 DTaP/IPV/Hib/HepB vaccine; before that, the 5-in-1 DTaP/IPV/Hib.';

/** What every coverage percentage shares: a Wilson proportion of children, quarterly, at every area level. */
const COVERAGE = {
  domain: 'immunisation',
  unit: '%',
  multiplier: 100,
  method: 'wilson-proportion',
  polarity: 'higher-better',
  frequency: 'quarterly',
  areaTypes: [...ALL_AREAS],
  breakdowns: [...BREAKDOWNS],
} satisfies Partial<IndicatorSpec>;
const COVER = { ...COVERAGE, source: COVER_SOURCE };
const DERIVED = { ...COVERAGE, source: EVENTS_SOURCE };

const cohort = {
  '12m': {
    who: 'Children reaching their first birthday in the period',
    denominator: 'Children reaching their first birthday in the period, registered with a GP in the area',
  },
  '24m': {
    who: 'Children reaching their second birthday in the period',
    denominator: 'Children reaching their second birthday in the period, registered with a GP in the area',
  },
  '5y': {
    who: 'Children reaching their fifth birthday in the period',
    denominator: 'Children reaching their fifth birthday in the period, registered with a GP in the area',
  },
} as const;

export const immunisationIndicators: IndicatorSpec[] = [
  {
    ...COVER,
    id: 'imm-dtap-ipv-hib3-12m',
    name: 'DTaP/IPV/Hib(/HepB) vaccination coverage for three doses at 12 months',
    shortName: '6-in-1 (3 doses) at 12 months',
    definition: {
      numerator: `${cohort['12m'].who} who received three doses of DTaP/IPV/Hib(/HepB) vaccine by 12 months`,
      denominator: cohort['12m'].denominator,
    },
    targets: [...WHO_TARGETS, MINIMUM_90],
    coverMeasure: '12m_DTaPIPVHib3',
    fingertipsId: 30306,
    caveats: [CITY_IN_HACKNEY, HEXAVALENT],
  },
  {
    ...COVER,
    id: 'imm-pcv1-12m',
    name: 'PCV vaccination coverage (first dose) at 12 months',
    shortName: 'PCV at 12 months',
    definition: {
      numerator: `${cohort['12m'].who} who received their first (primary) dose of pneumococcal conjugate vaccine by 12 months`,
      denominator: cohort['12m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '12m_PCV1',
    caveats: [
      CITY_IN_HACKNEY,
      'Babies born from 1 January 2020 get one primary PCV dose and a booster (1+1) instead of two primary doses (2+1); some boroughs have no COVER figure for 2020/21 Q1 to Q3.',
    ],
  },
  {
    ...COVER,
    id: 'imm-rota-12m',
    name: 'Rotavirus vaccination coverage at 12 months',
    shortName: 'Rotavirus at 12 months',
    definition: {
      numerator: `${cohort['12m'].who} who completed the two-dose rotavirus course by 12 months`,
      denominator: cohort['12m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '12m_Rota',
    caveats: [CITY_IN_HACKNEY, 'Rotavirus vaccine is only given in the first months of life (first dose before 15 weeks, second before 24 weeks), so late doses cannot catch up.'],
  },
  {
    ...COVER,
    id: 'imm-menb-12m',
    name: 'MenB vaccination coverage (primary course) at 12 months',
    shortName: 'MenB at 12 months',
    definition: {
      numerator: `${cohort['12m'].who} who completed the MenB primary course by 12 months`,
      denominator: cohort['12m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '12m_MenB',
    caveats: [CITY_IN_HACKNEY],
  },
  {
    ...COVER,
    id: 'imm-dtap-ipv-hib3-24m',
    name: 'DTaP/IPV/Hib(/HepB) vaccination coverage for three doses at 24 months',
    shortName: '6-in-1 (3 doses) at 24 months',
    definition: {
      numerator: `${cohort['24m'].who} who received three doses of DTaP/IPV/Hib(/HepB) vaccine by 24 months`,
      denominator: cohort['24m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '24m_DTaPIPVHib3_Prim',
    caveats: [CITY_IN_HACKNEY, HEXAVALENT],
  },
  {
    id: 'imm-mmr1-24m',
    name: 'MMR vaccination coverage for one dose at 24 months',
    shortName: 'MMR1 at 24 months',
    domain: 'immunisation',
    definition: {
      numerator: 'Children reaching their second birthday in the period who received one dose of MMR vaccine by 24 months',
      denominator: 'Children reaching their second birthday in the period, registered with a GP in the area',
    },
    unit: '%',
    multiplier: 100,
    method: 'wilson-proportion',
    polarity: 'higher-better',
    targets: WHO_TARGETS,
    frequency: 'quarterly',
    areaTypes: ['england', 'region', 'icb', 'borough', 'pcn', 'practice'],
    breakdowns: ['deprivation', 'ethnicity', 'sex'],
    source: COVER_SOURCE,
    coverMeasure: '24m_MMR1',
    fingertipsId: 30309,
    caveats: ['COVER counts City of London within Hackney.'],
  },
  {
    ...COVER,
    id: 'imm-hib-menc-booster-24m',
    name: 'Hib/MenC booster vaccination coverage at 24 months',
    shortName: 'Hib/MenC booster at 24 months',
    definition: {
      numerator: `${cohort['24m'].who} who received the Hib/MenC booster by 24 months`,
      denominator: cohort['24m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '24m_HibMenC_Boo',
    caveats: [CITY_IN_HACKNEY],
  },
  {
    ...COVER,
    id: 'imm-pcv-booster-24m',
    name: 'PCV booster vaccination coverage at 24 months',
    shortName: 'PCV booster at 24 months',
    definition: {
      numerator: `${cohort['24m'].who} who received the PCV booster by 24 months`,
      denominator: cohort['24m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '24m_PCV_Boo',
    caveats: [CITY_IN_HACKNEY],
  },
  {
    ...COVER,
    id: 'imm-menb-booster-24m',
    name: 'MenB booster vaccination coverage at 24 months',
    shortName: 'MenB booster at 24 months',
    definition: {
      numerator: `${cohort['24m'].who} who received the MenB booster by 24 months`,
      denominator: cohort['24m'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '24m_MenB_Boo',
    caveats: [CITY_IN_HACKNEY],
  },
  {
    ...COVER,
    id: 'imm-dtap-ipv-hib3-5y',
    name: 'DTaP/IPV/Hib(/HepB) vaccination coverage for three doses at 5 years',
    shortName: '6-in-1 (3 doses) at 5 years',
    definition: {
      numerator: `${cohort['5y'].who} who received three doses of DTaP/IPV/Hib(/HepB) vaccine by 5 years`,
      denominator: cohort['5y'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '5y_DTaPIPVHib3_Prim',
    caveats: [CITY_IN_HACKNEY, HEXAVALENT],
  },
  {
    ...COVER,
    id: 'imm-mmr1-5y',
    name: 'MMR vaccination coverage for one dose at 5 years',
    shortName: 'MMR1 at 5 years',
    definition: {
      numerator: `${cohort['5y'].who} who received at least one dose of MMR vaccine by 5 years`,
      denominator: cohort['5y'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '5y_MMR1',
    caveats: [CITY_IN_HACKNEY],
  },
  {
    ...COVER,
    id: 'imm-mmr2-5y',
    name: 'MMR vaccination coverage for two doses at 5 years',
    shortName: 'MMR2 at 5 years',
    definition: {
      numerator: `${cohort['5y'].who} who received two doses of MMR vaccine by 5 years`,
      denominator: cohort['5y'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '5y_MMR2',
    caveats: [CITY_IN_HACKNEY, 'The second MMR dose is due with the pre-school booster at 3 years 4 months.'],
  },
  {
    ...COVER,
    id: 'imm-dtap-ipv-booster-5y',
    name: 'DTaP/IPV pre-school booster vaccination coverage at 5 years',
    shortName: 'Pre-school booster at 5 years',
    definition: {
      numerator: `${cohort['5y'].who} who received the DTaP/IPV (4-in-1) pre-school booster by 5 years`,
      denominator: cohort['5y'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '5y_DTaPIPV_Boo',
    caveats: [CITY_IN_HACKNEY, 'The pre-school booster is due at 3 years 4 months.'],
  },
  {
    ...COVER,
    id: 'imm-hib-menc-booster-5y',
    name: 'Hib/MenC booster vaccination coverage at 5 years',
    shortName: 'Hib/MenC booster at 5 years',
    definition: {
      numerator: `${cohort['5y'].who} who received the Hib/MenC booster by 5 years`,
      denominator: cohort['5y'].denominator,
    },
    targets: WHO_TARGETS,
    coverMeasure: '5y_HibMenC_Boo',
    caveats: [CITY_IN_HACKNEY],
  },
  {
    ...DERIVED,
    id: 'imm-timely-4w',
    name: 'Routine childhood vaccine doses given within 4 weeks of the due date',
    shortName: 'Doses on time (within 4 weeks)',
    definition: {
      numerator: 'Routine childhood vaccine doses falling due in the period that were given no more than 28 days after the due date set by the UK routine schedule',
      denominator: 'Routine childhood vaccine doses falling due in the period for children under 5 registered with a GP in the area',
    },
    targets: [],
    breakdowns: [...BREAKDOWNS, 'age'],
    caveats: [
      'No published target or official statistic; derived from vaccination events.',
      'Counts doses, not children: a child contributes each dose that falls due, so intervals are narrower than for a measure of children.',
      'A period is complete only 28 days after it ends, when every dose due in it has had its full window.',
    ],
  },
  {
    ...DERIVED,
    id: 'imm-futd-12m',
    name: 'Children fully up to date with routine vaccinations due by 12 months',
    shortName: 'Fully up to date at 12 months',
    definition: {
      numerator: `${cohort['12m'].who} who received every dose of the UK routine schedule due before their first birthday`,
      denominator: cohort['12m'].denominator,
    },
    targets: [],
    caveats: ['No published target or official statistic; derived from vaccination events using the schedule in force for each child\'s date of birth.'],
  },
  {
    ...DERIVED,
    id: 'imm-futd-24m',
    name: 'Children fully up to date with routine vaccinations due by 24 months',
    shortName: 'Fully up to date at 24 months',
    definition: {
      numerator: `${cohort['24m'].who} who received every dose of the UK routine schedule due before their second birthday`,
      denominator: cohort['24m'].denominator,
    },
    targets: [],
    caveats: ['No published target or official statistic; derived from vaccination events using the schedule in force for each child\'s date of birth.'],
  },
  {
    ...DERIVED,
    id: 'imm-futd-5y',
    name: 'Children fully up to date with routine vaccinations due by 5 years',
    shortName: 'Fully up to date at 5 years',
    definition: {
      numerator: `${cohort['5y'].who} who received every dose of the UK routine schedule due before their fifth birthday`,
      denominator: cohort['5y'].denominator,
    },
    targets: [],
    caveats: ['No published target or official statistic; derived from vaccination events using the schedule in force for each child\'s date of birth.'],
  },
  {
    ...DERIVED,
    id: 'imm-polio-booster-2022',
    name: 'Children aged 1 to 9 given an IPV-containing booster in the 2022 London polio campaign',
    shortName: 'Polio booster campaign 2022 (ages 1–9)',
    definition: {
      numerator: 'Children aged 1 to 9 at the start of the campaign given an IPV-containing dose from the start of the campaign (August 2022) to the end of the week, cumulative',
      denominator: 'Children aged 1 to 9 at the start of the campaign, registered with a GP in the area',
    },
    targets: [],
    frequency: 'weekly',
    breakdowns: [...BREAKDOWNS, 'age'],
    caveats: [
      'Type 2 vaccine-derived poliovirus was found in sewage at Beckton from February 2022; on 10 August 2022 JCVI advised an IPV-containing booster for all children aged 1 to 9 in London.',
      'Offered first in the boroughs with positive sewage samples (Barnet, Brent, Camden, Enfield, Hackney, Haringey, Islington, Waltham Forest), then in all boroughs.',
      'No national target: areas worked to local trajectories. London take-up was reported as 16% by 13 October 2022; no borough figures were published.',
      'The 2023 catch-up for children aged 1 to 11 is not included.',
    ],
  },
];
