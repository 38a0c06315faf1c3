import type { IndicatorSpec } from './indicator-spec.ts';

const QOF_SOURCE = {
  name: 'NHS England (formerly NHS Digital), Quality and Outcomes Framework (QOF)',
  url: 'https://digital.nhs.uk/data-and-information/publications/statistical/quality-and-outcomes-framework-achievement-prevalence-and-exceptions-data',
};
const CVDPREVENT_SOURCE = { name: 'CVDPREVENT national primary care audit', url: 'https://www.cvdprevent.nhs.uk/' };

const ALL_AREAS = ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] as const;
const BREAKDOWNS = ['deprivation', 'ethnicity', 'sex', 'age'] as const;
const QOF_AREAS = 'QOF is published by practice, PCN and ICB; borough figures add up the practices in the borough.';

const PROPORTION = { domain: 'hypertension', unit: '%', multiplier: 100, method: 'wilson-proportion' } as const;

export const hypertensionIndicators: IndicatorSpec[] = [
  {
    ...PROPORTION,
    id: 'htn-prevalence',
    name: 'Recorded hypertension prevalence (QOF HYP001)',
    shortName: 'Hypertension prevalence (recorded)',
    definition: {
      numerator: 'Patients on the GP hypertension register (QOF HYP001)',
      denominator: 'Patients registered with a GP in the area (list size, all ages)',
    },
    polarity: 'no-judgement',
    targets: [],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: [...BREAKDOWNS],
    source: QOF_SOURCE,
    fingertipsId: 219,
    caveats: [
      'Recorded prevalence reflects case-finding as well as illness; London\'s young population makes it lower than England\'s (about 14%).',
      'Context: the House of Commons Library models London\'s 2019/20 recorded prevalence by residence at 10.9%.',
      QOF_AREAS,
    ],
  },
  {
    ...PROPORTION,
    id: 'htn-ttt-79',
    name: 'Hypertension treated to target, aged 79 or under (last blood pressure 140/90 mmHg or less)',
    shortName: 'Hypertension treated to target (≤ 79)',
    definition: {
      numerator: 'Of the denominator, those whose last blood pressure reading in the preceding 12 months was 140/90 mmHg or less',
      denominator: 'Patients aged 79 or under on the hypertension register (QOF HYP003)',
    },
    polarity: 'higher-better',
    targets: [
      { value: 77, label: '77% by March 2024 (national ambition)', source: 'NHS England, 2023/24 priorities and operational planning guidance', from: '2023-04-01', until: '2024-03-31' },
      { value: 80, label: '80% by March 2025 (national ambition)', source: 'NHS England, 2024/25 priorities and operational planning guidance', from: '2024-04-01', until: '2025-03-31' },
    ],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: [...BREAKDOWNS],
    source: QOF_SOURCE,
    caveats: [
      'QOF HYP003 was later replaced by HYP008, which also accepts a home or ambulatory reading of 135/85 mmHg or less.',
      'QOF denominators leave out patients with a personalised care adjustment (e.g. declined, or on maximal tolerated therapy).',
      QOF_AREAS,
    ],
  },
  {
    ...PROPORTION,
    id: 'htn-ttt-80',
    name: 'Hypertension treated to target, aged 80 or over (last blood pressure 150/90 mmHg or less)',
    shortName: 'Hypertension treated to target (80+)',
    definition: {
      numerator: 'Of the denominator, those whose last blood pressure reading in the preceding 12 months was 150/90 mmHg or less',
      denominator: 'Patients aged 80 or over on the hypertension register (QOF HYP007)',
    },
    polarity: 'higher-better',
    targets: [],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: ['deprivation', 'ethnicity', 'sex'],
    source: QOF_SOURCE,
    caveats: [
      'QOF HYP007 was later replaced by HYP009, which also accepts a home or ambulatory reading of 145/85 mmHg or less.',
      'QOF denominators leave out patients with a personalised care adjustment (e.g. declined, or on maximal tolerated therapy).',
      QOF_AREAS,
    ],
  },
  {
    ...PROPORTION,
    id: 'htn-ttt-all',
    name: 'Hypertension treated to target, all ages (CVDPREVENT)',
    shortName: 'Hypertension treated to target (all ages)',
    definition: {
      numerator: 'Of the denominator, those whose last blood pressure reading in the preceding 12 months was at or below the threshold for their age (140/90 mmHg if 79 or under, 150/90 mmHg if 80 or over)',
      denominator: 'Patients on the hypertension register, all ages, with no exclusions',
    },
    polarity: 'higher-better',
    targets: [],
    frequency: 'quarterly',
    areaTypes: [...ALL_AREAS],
    breakdowns: [...BREAKDOWNS],
    source: CVDPREVENT_SOURCE,
    caveats: [
      'Unlike QOF, CVDPREVENT keeps every patient in the denominator, so values are lower than QOF achievement.',
      'Context: North East London 71.6% for under 80s (March 2023); London systems ranged from 66% to 74% (March 2024).',
      'CVDPREVENT is published by practice, PCN, sub-ICB and ICB; borough figures add up the practices in the borough.',
    ],
  },
  {
    id: 'htn-diagnosis-gap',
    name: 'Hypertension diagnosis: recorded prevalence as a percentage of estimated prevalence',
    shortName: 'Hypertension diagnosed (recorded ÷ estimated)',
    domain: 'hypertension',
    definition: {
      numerator: 'Patients on the GP hypertension register (QOF HYP001)',
      denominator: 'Estimated number of people with hypertension in the registered population (modelled prevalence × list size)',
    },
    unit: '%',
    multiplier: 100,
    method: 'ratio',
    polarity: 'higher-better',
    targets: [],
    frequency: 'annual',
    areaTypes: [...ALL_AREAS],
    breakdowns: [],
    source: { name: 'QOF hypertension register (NHS England) and modelled hypertension prevalence estimates (OHID, formerly PHE, from the Health Survey for England)' },
    caveats: [
      'The denominator is a modelled estimate, not a count: it is treated as fixed, so intervals reflect only the variation in the register.',
      'Roughly 60–70% of expected hypertension is diagnosed (approximate); the rest is the gap to find.',
      'The value can exceed 100% where the model underestimates local prevalence.',
    ],
  },
];
