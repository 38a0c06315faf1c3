import type { BenchmarkComparison } from '../stats/benchmark/compare-with-benchmark.ts';
import type { Severity } from './attention-rules.ts';
import type { AttentionSignal, AttentionStatus } from './attention-status.ts';

/** A status as a release holds it: the status, the value and the benchmark comparison it came from. */
export interface ReleaseStatus extends Pick<AttentionStatus, 'severity' | 'signals'> {
  readonly value: number | null;
  readonly comparison: BenchmarkComparison | null;
}

export const STATUS_CHANGES = ['new', 'resolved', 'changed'] as const;

/** What changed for one area × indicator between two releases, with both releases' figures. */
export interface StatusChange {
  readonly change: (typeof STATUS_CHANGES)[number];
  readonly newSignals: readonly AttentionSignal[];
  readonly resolvedSignals: readonly AttentionSignal[];
  readonly previous: { readonly value: number | null; readonly severity: Severity; readonly comparison: BenchmarkComparison | null } | null;
  readonly current: { readonly value: number | null; readonly severity: Severity; readonly comparison: BenchmarkComparison | null } | null;
}

/**
 * What is new for one area × indicator between the previous release and the current one (each given
 * for its own latest period, or null when the release has no status for it):
 * - `new`: it needs attention now (severity above `ok`) and did not before;
 * - `resolved`: it needed attention and no longer does (or has no status now);
 * - `changed`: otherwise, when the severity, the set of signals or the benchmark comparison differ;
 * - null when nothing a user would see has changed (a value can move without any of these changing).
 * Signals are matched by rule id; a signal whose text changed (e.g. a longer run) is not reported as new.
 * @example compareStatuses(null, { severity: 'watch', signals: [trendSignal], value: 70.1, comparison: 'similar' })
 * // { change: 'new', newSignals: [trendSignal], resolvedSignals: [], previous: null, current: { value: 70.1, severity: 'watch', comparison: 'similar' } }
 */
export function compareStatuses(previous: ReleaseStatus | null, current: ReleaseStatus | null): StatusChange | null {
  const before = previous?.signals ?? [];
  const after = current?.signals ?? [];
  const ids = (signals: readonly AttentionSignal[]) => new Set(signals.map((s) => s.rule));
  const [beforeIds, afterIds] = [ids(before), ids(after)];
  const newSignals = after.filter((s) => !beforeIds.has(s.rule));
  const resolvedSignals = before.filter((s) => !afterIds.has(s.rule));

  const wasActive = previous !== null && previous.severity !== 'ok';
  const isActive = current !== null && current.severity !== 'ok';
  const differs =
    previous?.severity !== current?.severity || newSignals.length > 0 || resolvedSignals.length > 0 || (previous?.comparison ?? null) !== (current?.comparison ?? null);
  const change = !wasActive && isActive ? 'new' : wasActive && !isActive ? 'resolved' : differs && previous !== null && current !== null ? 'changed' : null;
  if (change === null) return null;
  return { change, newSignals, resolvedSignals, previous: figures(previous), current: figures(current) };
}

const figures = (status: ReleaseStatus | null) => (status === null ? null : { value: status.value, severity: status.severity, comparison: status.comparison });
