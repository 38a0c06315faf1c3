import { describe, expect, it } from 'vitest';
import { makeSpc, makeStatusInputs } from '../../test/make-status-inputs.ts';
import { attentionStatus } from './attention-status.ts';
import { compareStatuses, type ReleaseStatus } from './compare-statuses.ts';
import type { StatusInputs } from './status-inputs.ts';

/** A release's status as the release would hold it, through the real attentionStatus. */
const release = (overrides: Parameters<typeof makeStatusInputs>[0]): ReleaseStatus => {
  const inputs: StatusInputs = makeStatusInputs(overrides);
  return { ...attentionStatus(inputs), value: inputs.value, comparison: inputs.benchmark?.comparison ?? null };
};
const london = (comparison: 'similar' | 'worse' | 'much-worse' | 'better') => ({ label: 'London', value: 82, comparison });

const quiet = release({ value: 81.5 });
const worse = release({ value: 76.1, benchmark: london('worse') });
const muchWorse = release({ value: 71.3, benchmark: london('much-worse') });
const worseAndFalling = release({ value: 75.2, benchmark: london('worse'), recentTrend: 'decreasing-getting-worse' });

const rules = (signals: readonly { rule: string }[] | undefined) => signals?.map((s) => s.rule);

describe('compareStatuses', () => {
  it('a status that now needs attention is new, with both releases figures', () => {
    const change = compareStatuses(quiet, worse);
    expect(change).toEqual({
      change: 'new',
      newSignals: worse.signals,
      resolvedSignals: [],
      previous: { value: 81.5, severity: 'ok', comparison: 'similar' },
      current: { value: 76.1, severity: 'watch', comparison: 'worse' },
    });
  });

  it('a status without one in the previous release is new when it needs attention', () => {
    expect(compareStatuses(null, worse)).toMatchObject({ change: 'new', previous: null, current: { severity: 'watch' } });
  });

  it('a status that no longer needs attention is resolved, with its resolved signals', () => {
    const change = compareStatuses(worseAndFalling, quiet);
    expect(change?.change).toBe('resolved');
    expect(rules(change?.resolvedSignals)).toEqual(['worse-95', 'trend-worsening']);
    expect(change?.newSignals).toEqual([]);
  });

  it('a status that disappears from the current release is resolved', () => {
    expect(compareStatuses(worse, null)).toMatchObject({ change: 'resolved', current: null, previous: { severity: 'watch' } });
  });

  it('a change of severity is changed, naming what appeared and what went', () => {
    const change = compareStatuses(worse, muchWorse);
    expect(change).toMatchObject({ change: 'changed', previous: { severity: 'watch', comparison: 'worse' }, current: { severity: 'act', comparison: 'much-worse' } });
    expect(rules(change?.newSignals)).toEqual(['worse-998']);
    expect(rules(change?.resolvedSignals)).toEqual(['worse-95']);
  });

  it('a new signal at the same severity is changed', () => {
    const change = compareStatuses(worse, worseAndFalling);
    expect(change?.change).toBe('changed');
    expect(rules(change?.newSignals)).toEqual(['trend-worsening']);
  });

  it('a changed comparison without any signal is changed', () => {
    expect(compareStatuses(quiet, release({ value: 86.9, benchmark: london('better') }))).toMatchObject({ change: 'changed', current: { severity: 'ok', comparison: 'better' } });
  });

  it('a signal whose wording changed (a run one quarter longer) is not new', () => {
    const before = release({ spc: makeSpc({ periods: 8 }) });
    const after = release({ spc: makeSpc({ periods: 9 }), value: 79.9 });
    expect(compareStatuses(before, after)).toBeNull();
  });

  it.each([
    { case: 'the same quiet status', previous: quiet, current: release({ value: 80.2 }) },
    { case: 'no status in either release', previous: null, current: null },
    { case: 'a quiet status appearing', previous: null, current: quiet },
    { case: 'a quiet status disappearing', previous: quiet, current: null },
  ])('nothing to report: $case', ({ previous, current }) => {
    expect(compareStatuses(previous, current)).toBeNull();
  });
});
