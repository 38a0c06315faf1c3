import { describe, expect, it } from 'vitest';
import { makeSpc, makeStatusInputs } from '../../test/make-status-inputs.ts';
import { ATTENTION_RULES } from './attention-rules.ts';
import { attentionStatus } from './attention-status.ts';

const London = (comparison: 'similar' | 'worse' | 'much-worse' | 'better' | 'much-better') => ({ benchmark: { label: 'London', value: 82, comparison } });
const failing = { assurance: 'fail', target: 95, targetRag: 'red' } as const;
const ruleIds = (overrides: Parameters<typeof makeStatusInputs>[0]) => attentionStatus(makeStatusInputs(overrides)).signals.map((s) => s.rule);

describe('ATTENTION_RULES: each rule fires on its case and not on its near miss', () => {
  const cases = [
    { rule: 'spc-concern-and-worse', fires: { spc: makeSpc(), ...London('worse') }, nearMiss: { spc: makeSpc(), ...London('similar') } },
    { rule: 'spc-concern-and-worse', fires: { spc: makeSpc(), ...London('much-worse') }, nearMiss: { spc: makeSpc({ variation: 'improvement', rules: ['run-above'] }), ...London('worse') } },
    { rule: 'worse-998', fires: London('much-worse'), nearMiss: London('worse') },
    { rule: 'fails-target-and-worse', fires: { ...failing, ...London('worse') }, nearMiss: { ...failing, assurance: 'inconsistent', ...London('worse') } },
    { rule: 'new-special-cause', fires: { spc: makeSpc({ newThisPeriod: true }) }, nearMiss: { spc: makeSpc({ newThisPeriod: false }) } },
    {
      rule: 'new-special-cause',
      fires: { indicator: { polarity: 'no-judgement' }, benchmark: null, spc: makeSpc({ variation: 'neutral-low', newThisPeriod: true }) },
      nearMiss: { spc: makeSpc({ variation: 'improvement', rules: ['run-above'], newThisPeriod: true }) },
    },
    { rule: 'spc-concern', fires: { spc: makeSpc() }, nearMiss: { spc: makeSpc({ variation: 'common-cause', rules: [], periods: 0 }) } },
    { rule: 'consistently-fails-target', fires: failing, nearMiss: { ...failing, assurance: 'inconsistent' } },
    { rule: 'worse-95', fires: London('worse'), nearMiss: London('similar') },
    { rule: 'trend-worsening', fires: { recentTrend: 'decreasing-getting-worse' }, nearMiss: { recentTrend: 'no-significant-change' } },
    { rule: 'behind-trajectory', fires: { campaign: { behindTrajectory: true, behindBy: 120 } }, nearMiss: { campaign: { behindTrajectory: false, behindBy: 0 } } },
    { rule: 'spc-improvement', fires: { spc: makeSpc({ variation: 'improvement', rules: ['run-above'] }) }, nearMiss: { spc: makeSpc({ variation: 'common-cause', rules: [], periods: 0 }) } },
    { rule: 'better-and-improving', fires: { ...London('better'), recentTrend: 'increasing-getting-better' }, nearMiss: { ...London('better'), recentTrend: 'no-significant-change' } },
    { rule: 'better-and-improving', fires: { ...London('much-better'), recentTrend: 'increasing-getting-better' }, nearMiss: { ...London('similar'), recentTrend: 'increasing-getting-better' } },
    { rule: 'target-missed', fires: { target: 95, targetRag: 'red' }, nearMiss: { target: 95, targetRag: 'amber' } },
    { rule: 'value-note', fires: { valueNote: 'sum of 31 of 33 boroughs' }, nearMiss: { valueNote: ' ' } },
  ] as const;
  it.each(cases)('$rule', ({ rule, fires, nearMiss }) => {
    expect(ruleIds(fires)).toContain(rule);
    expect(ruleIds(nearMiss)).not.toContain(rule);
  });

  it('has a case above for every rule', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(ATTENTION_RULES.map((r) => r.id)));
  });
});

describe('attentionStatus: the severity', () => {
  it.each([
    { case: 'nothing to report', overrides: {}, severity: 'ok' },
    { case: 'SPC concern and worse than London at 95%', overrides: { spc: makeSpc(), ...London('worse') }, severity: 'act' },
    { case: 'worse than London at 99.8% alone', overrides: London('much-worse'), severity: 'act' },
    { case: 'worse than London at 95% alone', overrides: London('worse'), severity: 'watch' },
    { case: 'consistently fails its target, similar to London', overrides: failing, severity: 'watch' },
    { case: 'consistently fails its target, worse than London', overrides: { ...failing, ...London('worse') }, severity: 'act' },
    { case: 'a new special cause of concern', overrides: { spc: makeSpc({ newThisPeriod: true }) }, severity: 'watch' },
    { case: 'improvement, but the recent trend is getting worse', overrides: { spc: makeSpc({ variation: 'improvement', rules: ['run-above'] }), recentTrend: 'decreasing-getting-worse' }, severity: 'watch' },
    { case: 'special cause of improvement', overrides: { spc: makeSpc({ variation: 'improvement', rules: ['run-above'] }) }, severity: 'improving' },
    { case: 'misses its target only', overrides: { target: 95, targetRag: 'red' }, severity: 'ok' },
  ] as const)('$case → $severity', ({ overrides, severity }) => {
    expect(attentionStatus(makeStatusInputs(overrides)).severity).toBe(severity);
  });

  it('reports every matching rule, most severe first and in rule order within a severity', () => {
    const status = attentionStatus(makeStatusInputs({ spc: makeSpc({ newThisPeriod: true }), ...London('much-worse'), ...failing, valueNote: 'provisional' }));
    expect(status.signals.map((s) => [s.rule, s.severity])).toEqual([
      ['spc-concern-and-worse', 'act'],
      ['worse-998', 'act'],
      ['fails-target-and-worse', 'act'],
      ['new-special-cause', 'watch'],
      ['spc-concern', 'watch'],
      ['consistently-fails-target', 'watch'],
      ['target-missed', 'ok'],
      ['value-note', 'ok'],
    ]);
    expect(status.signals.map((s) => s.text)).toEqual([
      'Special cause of concern and significantly worse than London',
      'Significantly worse than London (99.8% confidence)',
      'Will consistently miss its target of 95.0% and is significantly worse than London',
      'New special cause this quarter',
      'Special cause of concern',
      'Will consistently miss its target of 95.0% unless something changes',
      'Misses its target of 95.0%',
      'Data note: provisional',
    ]);
  });
});
