import type { IndicatorSpec } from './indicator-spec.ts';

const QOF_SOURCE = {
  name: 'NHS England (formerly NHS Digital), Quality and Outcomes Framework (QOF)',
  url: 'https://digital.nhs.uk/data-and-information/publications/statistical/quality-and-outcomes-framework-achievement-prevalence-and-exceptions-data',
};
const GP_RECORDS = { name: 'Asthma records and prescriptions in GP records (derived)' };

const ALL_AREAS = ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] as const;
const CYP_WITH_ASTHMA = 'Children and young people aged under 19 with a current asthma diagnosis, registered with a GP in the area';
const NWL_STUDY = 'Context: in a North West London study of 2018/19, 14,405 of 482,029 children and young people had diagnosed asthma.';

const PROPORTION = { domain: 'asthma', unit: '%', multiplier: 100, method: 'wilson-proportion' } as const;

export const asthmaIndicators: IndicatorSpec[] = [
  {
    id: 'ast-admissions-u19',
    name: 'Emergency hospital admissions for asthma, under 19s, crude rate per 100,000',
    shortName: 'Asthma admissions (under 19)',
    domain: 'asthma',
    definition: {
      numerator: 'Emergency hospital admissions of children and young people aged 0 to 18 with a primary diagnosis of asthma (ICD-10 J45–J46)',
      denominator: 'Resident population aged 0 to 18 (ONS mid-year estimate)',
    },
    unit: 'per 100,000',
    multiplier: 100_000,
    method: 'byar-rate',
    polarity: 'lower-better',
    targets: [],
    frequency: 'annual',
    areaTypes: ['england', 'region', 'icb', 'borough'],
    breakdowns: ['deprivation', 'sex', 'age'],
    source: { name: 'OHID Fingertips, Child and Maternal Health profile (Hospital Episode Statistics; ONS mid-year population estimates)', url: 'https://fingertips.phe.org.uk/profile/child-health-profiles' },
    fingertipsId: 90810,
    caveats: [
      'Counts admissions, not children: one child admitted twice counts twice.',
      'Confidence limits use Byar\'s method, or exact limits when there are fewer than 10 admissions.',
      'Financial years; by the child\'s area of residence.',
    ],
  },
  {
    ...PROPORTION,
    id: 'ast-prevalence',
    name: 'Recorded asthma prevalence (QOF)',
    shortName: 'Asthma prevalence (recorded)',
    definition: {
      numerator: 'Patients on the GP asthma register (QOF)',
      denominator: 'Patients registered with a GP in the area (list size)',
    },
    polarity: 'no-judgement',
    targets: [],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: QOF_SOURCE,
    caveats: [
      'Recorded prevalence reflects diagnosis and recording as well as illness; a high value is not in itself good or bad.',
      'QOF is published by practice, PCN and ICB; borough figures add up practices (the House of Commons Library instead models boroughs by where patients live: London 4.9% in 2019/20).',
      'The QOF asthma register leaves out patients with no asthma-related prescription in the last 12 months, and its definition has changed over the years; compare years with care.',
    ],
  },
  {
    ...PROPORTION,
    id: 'ast-review-12m',
    name: 'Children and young people with asthma who had an asthma review in the last 12 months',
    shortName: 'Asthma review (under 19)',
    definition: {
      numerator: 'Of the denominator, those with an asthma review recorded in the 12 months to the end of the period',
      denominator: CYP_WITH_ASTHMA,
    },
    polarity: 'higher-better',
    targets: [],
    frequency: 'quarterly',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: GP_RECORDS,
    caveats: ['No published target; derived from GP records over a rolling 12 months to the end of each quarter.'],
  },
  {
    ...PROPORTION,
    id: 'ast-saba-excess',
    name: 'Children and young people with asthma prescribed 6 or more reliever (SABA) inhalers in 12 months',
    shortName: 'Excess reliever use (under 19)',
    definition: {
      numerator: 'Of the denominator, those prescribed 6 or more short-acting beta-2 agonist (SABA) inhalers in the 12 months to the end of the period',
      denominator: CYP_WITH_ASTHMA,
    },
    polarity: 'lower-better',
    targets: [],
    frequency: 'quarterly',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: GP_RECORDS,
    caveats: [
      'Heavy reliever use is a marker of poorly controlled asthma and of risk of attacks.',
      'Context: over half of children and young people with asthma in one London ICS study (2018/19).',
      NWL_STUDY,
    ],
  },
  {
    ...PROPORTION,
    id: 'ast-ics-low-adherence',
    name: 'Children and young people using preventer (ICS) inhalers who were prescribed fewer than 4 in 12 months',
    shortName: 'Low preventer adherence (under 19)',
    definition: {
      numerator: 'Of the denominator, those prescribed fewer than 4 inhaled corticosteroid (ICS) inhalers in the 12 months to the end of the period',
      denominator: 'Children and young people aged under 19 with a current asthma diagnosis prescribed at least one ICS inhaler in the 12 months to the end of the period, registered with a GP in the area',
    },
    polarity: 'lower-better',
    targets: [],
    frequency: 'quarterly',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: GP_RECORDS,
    caveats: ['Fewer prescriptions than a year\'s regular use suggests preventers are not taken as prescribed.', 'Context: 72% in the same London ICS study (2018/19).'],
  },
];
