import type { IndicatorSpec } from './indicator-spec.ts';

const CWT_SOURCE = { name: 'NHS England, Cancer Waiting Times statistics', url: 'https://www.england.nhs.uk/statistics/statistical-work-areas/cancer-waiting-times/' };
const STANDARDS_2023 = 'NHS England cancer waiting time standards (consolidated from 1 October 2023)';
const PHOF_SOURCE = {
  name: 'OHID Fingertips, Public Health Outcomes Framework: NHS cancer screening programmes coverage',
  url: 'https://fingertips.phe.org.uk/profile/public-health-outcomes-framework',
};

const ALL_AREAS = ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] as const;
const CWT_AREAS = ['england', 'region', 'icb', 'borough'] as const;
const CWT_BOROUGHS = 'Cancer Waiting Times are published by provider trust and by commissioner (sub-ICB, ICB); borough figures count patients by the borough of their GP practice.';
const SCREENING_EXCLUSIONS = 'Women ceased from recall for clinical reasons (e.g. no cervix) are not in the eligible population.';

const PROPORTION = { domain: 'cancer', unit: '%', multiplier: 100, method: 'wilson-proportion', polarity: 'higher-better' } as const;

export const cancerIndicators: IndicatorSpec[] = [
  {
    ...PROPORTION,
    id: 'can-fds-28d',
    name: '28-day Faster Diagnosis Standard: cancer diagnosed or ruled out within 28 days of referral',
    shortName: 'Faster Diagnosis Standard (28 days)',
    definition: {
      numerator: 'Of the denominator, those told they have cancer, or that cancer is ruled out, within 28 days of referral',
      denominator: 'Patients whose faster-diagnosis pathway (urgent referral for suspected cancer, referral from a screening programme, or urgent referral for breast symptoms) ended in the period',
    },
    targets: [
      { value: 75, label: '75% (standard)', source: 'NHS England Faster Diagnosis Standard, introduced in April 2021; one of the three standards from 1 October 2023', from: '2021-04-01' },
      { value: 77, label: '77% by March 2025', source: 'NHS England, 2024/25 priorities and operational planning guidance', from: '2024-04-01', until: '2025-03-31' },
      { value: 80, label: '80% by March 2026', source: 'NHS England, 2025/26 priorities and operational planning guidance', from: '2025-04-01', until: '2026-03-31' },
    ],
    frequency: 'monthly',
    areaTypes: [...CWT_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: CWT_SOURCE,
    caveats: ['The 75% standard was met nationally in March 2024, at 77%.', CWT_BOROUGHS],
  },
  {
    ...PROPORTION,
    id: 'can-treat-62d',
    name: '62-day standard: first treatment for cancer within 62 days of referral',
    shortName: '62-day referral to treatment',
    definition: {
      numerator: 'Of the denominator, those whose first treatment started within 62 days of referral',
      denominator: 'Patients starting a first definitive treatment for cancer in the period after an urgent suspected-cancer referral, a screening referral or a consultant upgrade',
    },
    targets: [{ value: 85, label: '85% (standard)', source: STANDARDS_2023 }],
    frequency: 'monthly',
    areaTypes: [...CWT_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: CWT_SOURCE,
    caveats: ['Before October 2023 the GP urgent referral, screening and consultant upgrade routes were separate standards.', CWT_BOROUGHS],
  },
  {
    ...PROPORTION,
    id: 'can-treat-31d',
    name: '31-day standard: treatment for cancer within 31 days of the decision to treat',
    shortName: '31-day decision to treatment',
    definition: {
      numerator: 'Of the denominator, those whose treatment started within 31 days of the decision to treat',
      denominator: 'Treatments for cancer (first or subsequent) starting in the period',
    },
    targets: [{ value: 96, label: '96% (standard)', source: STANDARDS_2023 }],
    frequency: 'monthly',
    areaTypes: [...CWT_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: CWT_SOURCE,
    caveats: ['Counts treatments, not patients: one patient can have several. Before October 2023 first and subsequent treatments were separate standards.', CWT_BOROUGHS],
  },
  {
    ...PROPORTION,
    id: 'can-early-stage',
    name: 'Cancers diagnosed at stage 1 or 2',
    shortName: 'Early diagnosis (stage 1 or 2)',
    definition: {
      numerator: 'Of the denominator, those diagnosed at stage 1 or 2',
      denominator: 'New cancers of stageable types diagnosed in the calendar year with a recorded stage, in residents of the area',
    },
    targets: [{ value: 75, label: '75% by 2028 (ambition)', source: 'NHS Long Term Plan (January 2019)', until: '2028-12-31' }],
    frequency: 'annual',
    areaTypes: [...CWT_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex', 'age'],
    source: { name: 'NHS England National Disease Registration Service (NDRS), cancer registration statistics', url: 'https://digital.nhs.uk/data-and-information/publications/statistical/cancer-registration-statistics' },
    caveats: [
      'England is at about 58% (approximate).',
      'Cancers with an unknown stage are left out of the denominator; published series differ in how they treat them, so compare with care.',
      'Calendar years of diagnosis.',
    ],
  },
  {
    ...PROPORTION,
    id: 'can-screen-cervical-25-49',
    name: 'Cervical screening coverage, women aged 25 to 49 (screened within 3.5 years)',
    shortName: 'Cervical screening (25–49)',
    definition: {
      numerator: 'Of the denominator, those adequately screened within the last 3.5 years (42 months)',
      denominator: 'Women aged 25 to 49 eligible for cervical screening at the end of the period, registered with a GP in the area',
    },
    targets: [{ value: 80, label: '80% (standard)', source: 'NHS Cervical Screening Programme coverage standard (PHOF benchmark)' }],
    frequency: 'quarterly',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity'],
    source: PHOF_SOURCE,
    fingertipsId: 93560,
    caveats: [SCREENING_EXCLUSIONS, 'Coverage at a point in time (the end of the period). shared/data/cancer_screening holds real PHE practice figures at 31 December 2017.'],
  },
  {
    ...PROPORTION,
    id: 'can-screen-cervical-50-64',
    name: 'Cervical screening coverage, women aged 50 to 64 (screened within 5.5 years)',
    shortName: 'Cervical screening (50–64)',
    definition: {
      numerator: 'Of the denominator, those adequately screened within the last 5.5 years (66 months)',
      denominator: 'Women aged 50 to 64 eligible for cervical screening at the end of the period, registered with a GP in the area',
    },
    targets: [{ value: 80, label: '80% (standard)', source: 'NHS Cervical Screening Programme coverage standard (PHOF benchmark)' }],
    frequency: 'quarterly',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity'],
    source: PHOF_SOURCE,
    fingertipsId: 93561,
    caveats: [SCREENING_EXCLUSIONS, 'Coverage at a point in time (the end of the period). shared/data/cancer_screening holds real PHE practice figures at 31 December 2017.'],
  },
  {
    ...PROPORTION,
    id: 'can-screen-breast-53-70',
    name: 'Breast screening coverage, women aged 53 to 70 (screened within 3 years)',
    shortName: 'Breast screening (53–70)',
    definition: {
      numerator: 'Of the denominator, those with an adequate screening result within the last 3 years (36 months)',
      denominator: 'Women aged 53 to 70 eligible for breast screening at the end of the period, registered with a GP in the area',
    },
    targets: [
      { value: 70, label: '70% (acceptable)', source: 'NHS Breast Screening Programme standards (PHOF benchmark)' },
      { value: 80, label: '80% (achievable)', source: 'NHS Breast Screening Programme standards (PHOF benchmark)' },
    ],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity'],
    source: PHOF_SOURCE,
    fingertipsId: 22001,
    caveats: ['Women are first invited between their 50th and 53rd birthdays, so coverage counts ages 53 to 70.', 'Coverage at a point in time (the end of the period, 31 March).'],
  },
  {
    ...PROPORTION,
    id: 'can-screen-bowel-60-74',
    name: 'Bowel screening coverage, people aged 60 to 74 (screened within 2.5 years)',
    shortName: 'Bowel screening (60–74)',
    definition: {
      numerator: 'Of the denominator, those with an adequate screening result within the last 2.5 years (30 months)',
      denominator: 'People aged 60 to 74 eligible for bowel screening at the end of the period, registered with a GP in the area',
    },
    targets: [
      { value: 55, label: '55% (acceptable)', source: 'NHS Bowel Cancer Screening Programme standards (PHOF benchmark)' },
      { value: 60, label: '60% (achievable)', source: 'NHS Bowel Cancer Screening Programme standards (PHOF benchmark)' },
    ],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex'],
    source: PHOF_SOURCE,
    fingertipsId: 91720,
    caveats: ['Screening has been extended to people aged 50 to 59 in stages; this indicator keeps the 60 to 74 band so years stay comparable.', 'Coverage at a point in time (the end of the period, 31 March).'],
  },
];
