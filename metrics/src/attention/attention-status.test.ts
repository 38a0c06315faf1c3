import { describe, expect, it } from 'vitest';
import { makeSpc, makeStatusInputs } from '../../test/make-status-inputs.ts';
import { compareWithBenchmark } from '../stats/benchmark/compare-with-benchmark.ts';
import type { AttentionRule } from './attention-rules.ts';
import { attentionStatus } from './attention-status.ts';

const summary = (overrides: Parameters<typeof makeStatusInputs>[0]) => attentionStatus(makeStatusInputs(overrides)).summary;
const worseThanLondon = { benchmark: { label: 'London', value: 82, comparison: 'much-worse' }, value: 64.8 } as const;
const asthma = { id: 'ast-admissions', shortName: 'Asthma admissions (0–18)', unit: 'per 100,000', polarity: 'lower-better', frequency: 'annual' } as const;

describe('attentionStatus: the summary sentence', () => {
  it.each([
    {
      case: 'the issue example: a 7-quarter fall, worse than London',
      overrides: { ...worseThanLondon, spc: makeSpc({ rules: ['trend-decreasing'], periods: 7 }) },
      text: 'MMR1 at 24 months in Hackney fell for 7 quarters in a row (special cause); 64.8% against London 82.0%.',
    },
    {
      case: 'a fall whose latest point also left the usual range says the fall',
      overrides: { ...worseThanLondon, spc: makeSpc({ rules: ['below-lower-limit', 'trend-decreasing'], periods: 8 }) },
      text: 'MMR1 at 24 months in Hackney fell for 8 quarters in a row (special cause); 64.8% against London 82.0%.',
    },
    {
      case: 'a point below the lower limit',
      overrides: { ...worseThanLondon, spc: makeSpc({ rules: ['below-lower-limit'], periods: 1 }) },
      text: 'MMR1 at 24 months in Hackney fell below its usual range (special cause); 64.8% against London 82.0%.',
    },
    {
      case: 'a run below the mean',
      overrides: { ...worseThanLondon, spc: makeSpc({ rules: ['run-below'], periods: 9 }) },
      text: 'MMR1 at 24 months in Hackney has been below its average for 9 quarters in a row (special cause); 64.8% against London 82.0%.',
    },
    {
      case: 'two of three near the upper limit, an improvement',
      overrides: { value: 86.25, spc: makeSpc({ variation: 'improvement', rules: ['two-in-three-above'], periods: 2 }) },
      text: 'MMR1 at 24 months in Hackney was near the top of its usual range in 2 of the last 3 quarters (special cause); 86.3% against London 82.0%.',
    },
    {
      case: 'worse at 99.8% without an SPC signal',
      overrides: worseThanLondon,
      text: 'MMR1 at 24 months in Hackney is significantly worse than London; 64.8% against London 82.0%.',
    },
    {
      case: 'a rate getting worse, with its unit',
      overrides: { indicator: asthma, area: { name: 'Barnet' }, value: 1234.56, benchmark: { label: 'London', value: 987, comparison: 'similar' }, recentTrend: 'increasing-getting-worse' },
      text: 'Asthma admissions (0–18) in Barnet has got significantly worse over the last 5 years; 1,234.6 per 100,000 against London 987.0 per 100,000.',
    },
    {
      case: 'consistently failing its target',
      overrides: { value: 88.2, assurance: 'fail', target: 95, targetRag: 'red' },
      text: 'MMR1 at 24 months in Hackney will consistently miss its 95.0% target unless something changes; 88.2% against London 82.0%.',
    },
    {
      case: 'behind a campaign trajectory, no benchmark',
      overrides: { indicator: { shortName: 'MMR catch-up uptake', frequency: 'weekly' }, period: '2024-W05', value: 41.26, benchmark: null, campaign: { behindTrajectory: true, behindBy: 1240 } },
      text: 'MMR catch-up uptake in Hackney is 1,240 children behind its campaign trajectory; 41.3% in 2024-W05.',
    },
    {
      case: 'nothing to report',
      overrides: {},
      text: 'MMR1 at 24 months in Hackney is similar to London; 80.4% against London 82.0%.',
    },
    {
      case: 'no value and no benchmark',
      overrides: { value: null, benchmark: null, spc: null },
      text: 'MMR1 at 24 months in Hackney shows no signal; no value for 2024/25 Q4.',
    },
  ] as const)('$case', ({ overrides, text }) => {
    expect(summary(overrides)).toBe(text);
  });
});

describe('attentionStatus: polarity', () => {
  // Admissions of 1,234.6 per 100,000 (95% CI 1,150.2–1,323.0, 99.8% CI 1,112.5–1,367.9) against London's 987.0.
  const rate = { value: 1234.6, lower95: 1150.2, upper95: 1323, lower998: 1112.5, upper998: 1367.9 };
  const statusFor = (polarity: 'higher-better' | 'lower-better' | 'no-judgement') => {
    const comparison = compareWithBenchmark(rate, 987, polarity, { levels: 2 });
    return attentionStatus(makeStatusInputs({ indicator: { ...asthma, polarity }, value: rate.value, benchmark: { label: 'London', value: 987, comparison } }));
  };

  it('a high rate of a lower-better indicator is worse than London at 99.8%: act', () => {
    expect(statusFor('lower-better').severity).toBe('act');
  });

  it('the same rate of a higher-better indicator is better, which alone is no signal', () => {
    expect(statusFor('higher-better')).toMatchObject({ severity: 'ok', signals: [] });
  });

  it('a no-judgement indicator is only higher: never act or improving from direction alone', () => {
    const status = statusFor('no-judgement');
    expect(status).toMatchObject({ severity: 'ok', signals: [] });
    expect(status.summary).toBe('Asthma admissions (0–18) in Hackney is significantly higher than London; 1,234.6 per 100,000 against London 987.0 per 100,000.');
  });

  it('a new special cause of a no-judgement indicator is watch, not act', () => {
    const spc = makeSpc({ variation: 'neutral-high', rules: ['above-upper-limit'], periods: 1, newThisPeriod: true });
    const status = attentionStatus(makeStatusInputs({ indicator: { polarity: 'no-judgement' }, benchmark: { label: 'London', value: 82, comparison: 'much-higher' }, spc }));
    expect(status.severity).toBe('watch');
    expect(status.summary).toBe('MMR1 at 24 months in Hackney rose above its usual range (special cause); 80.4% against London 82.0%.');
  });

  it.each([
    { field: 'benchmark.comparison', overrides: { benchmark: { label: 'London', value: 82, comparison: 'worse' } }, message: "benchmark.comparison 'worse' judges a no-judgement indicator (imm-mmr1-24m)" },
    { field: 'spc.variation', overrides: { spc: makeSpc() }, message: "spc.variation 'concern' judges a no-judgement indicator (imm-mmr1-24m)" },
    { field: 'recentTrend', overrides: { recentTrend: 'increasing-getting-better' }, message: "recentTrend 'increasing-getting-better' judges a no-judgement indicator (imm-mmr1-24m)" },
    { field: 'assurance', overrides: { assurance: 'fail', target: 95 }, message: 'a no-judgement indicator has no target to be assured or rated against (imm-mmr1-24m)' },
  ] as const)('rejects a judged $field for a no-judgement indicator', ({ overrides, message }) => {
    expect(() => attentionStatus(makeStatusInputs({ indicator: { polarity: 'no-judgement' }, ...overrides }))).toThrow(new RangeError(message));
  });
});

describe('attentionStatus: inputs and rules it rejects', () => {
  it('an assurance without the target it was computed against', () => {
    expect(() => attentionStatus(makeStatusInputs({ assurance: 'fail' }))).toThrow(new RangeError('assurance and targetRag need the target they were computed against (imm-mmr1-24m)'));
  });

  it('a special cause without the rules that flagged it', () => {
    expect(() => attentionStatus(makeStatusInputs({ spc: makeSpc({ rules: [] }) }))).toThrow(/a special cause \(concern\) needs the rules/);
  });

  const rule = (overrides: Partial<AttentionRule>): AttentionRule => ({ id: 'r', severity: 'watch', description: 'x', when: { all: ['trend-worse'] }, ...overrides });
  it.each([
    { case: 'an empty when', rules: [rule({ when: {} })], message: 'rule r: when needs at least one signal kind in all or any' },
    { case: 'an unknown kind', rules: [rule({ when: { any: ['worse-99' as never] } })], message: 'rule r: unknown signal kind worse-99' },
    { case: 'an unknown severity', rules: [rule({ severity: 'urgent' as never })], message: 'rule r: severity must be one of act, watch, improving, ok (got urgent)' },
    { case: 'a repeated id', rules: [rule({}), rule({})], message: 'rule ids must be unique (r repeats)' },
  ])('a rule with $case', ({ rules, message }) => {
    expect(() => attentionStatus(makeStatusInputs(), rules)).toThrow(new RangeError(message));
  });

  it('a placeholder the inputs cannot fill, when its rule matches', () => {
    const rules = [rule({ description: 'Misses {target}' })];
    expect(() => attentionStatus(makeStatusInputs({ recentTrend: 'decreasing-getting-worse' }), rules)).toThrow(new RangeError('rule r: {target} has no value in these inputs'));
  });

  it('takes the most severe matching rule, whatever the order rules are listed in', () => {
    const rules = [rule({ id: 'first', severity: 'watch' }), rule({ id: 'second', severity: 'act' })];
    const status = attentionStatus(makeStatusInputs({ recentTrend: 'decreasing-getting-worse' }), rules);
    expect(status.severity).toBe('act');
    expect(status.signals.map((s) => s.rule)).toEqual(['second', 'first']);
  });
});
