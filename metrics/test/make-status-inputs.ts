import type { SpcStatus, StatusInputs } from '../src/attention/status-inputs.ts';

type Overrides = Partial<Omit<StatusInputs, 'indicator' | 'area'>> & {
  readonly indicator?: Partial<StatusInputs['indicator']>;
  readonly area?: Partial<StatusInputs['area']>;
};

/**
 * A quiet status's inputs (MMR1 at 24 months in Hackney, similar to London, no signal) with overrides:
 * each test states only the facts it is about.
 */
export function makeStatusInputs(overrides: Overrides = {}): StatusInputs {
  const { indicator, area, ...rest } = overrides;
  return {
    indicator: { id: 'imm-mmr1-24m', shortName: 'MMR1 at 24 months', unit: '%', polarity: 'higher-better', frequency: 'quarterly', ...indicator },
    area: { code: 'E09000012', name: 'Hackney', type: 'borough', ...area },
    period: '2024/25 Q4',
    value: 80.4,
    denominator: 3120,
    benchmark: { label: 'London', value: 82, comparison: 'similar' },
    recentTrend: 'no-significant-change',
    spc: { variation: 'common-cause', rules: [], periods: 0, newThisPeriod: false },
    assurance: null,
    target: null,
    targetRag: null,
    valueNote: null,
    campaign: null,
    ...rest,
  };
}

/** An SPC status of concern (or another variation) spanning `periods`, flagged by `rules`. */
export function makeSpc(overrides: Partial<SpcStatus> = {}): SpcStatus {
  return { variation: 'concern', rules: ['run-below'], periods: 8, newThisPeriod: false, ...overrides };
}
