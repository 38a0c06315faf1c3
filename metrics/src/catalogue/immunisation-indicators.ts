import type { IndicatorSpec } from './indicator-spec.ts';

const COVER_SOURCE = {
  name: 'UKHSA Cover of vaccination evaluated rapidly (COVER), quarterly',
  url: 'https://www.gov.uk/government/collections/vaccine-uptake',
};
const WHO_TARGETS = [
  { value: 95, label: '95% (WHO / UK target)', source: 'WHO European Region; NHS public health functions agreement' },
];

export const immunisationIndicators: IndicatorSpec[] = [
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
];
