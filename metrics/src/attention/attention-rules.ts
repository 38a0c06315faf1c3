/**
 * How urgently a user should look at an area × indicator × period, most urgent first:
 * - `act`: a real, material problem (statistically confirmed, not noise): plan or ask for action now;
 * - `watch`: an early or single signal (a new special cause, a worsening trend, a target the process
 *   will keep missing): look at it and keep an eye on the next release;
 * - `improving`: a real improvement: worth knowing, to learn from or to report;
 * - `ok`: nothing needs attention; any signals are context (a missed target, a data note).
 */
export const SEVERITIES = ['act', 'watch', 'improving', 'ok'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The facts a rule can ask for, derived from one status's inputs by `signalKinds`. Direction-based
 * kinds (better, worse, concern, improvement, getting better or worse) exist only for indicators with
 * a polarity, so a no-judgement indicator can never reach `act` or `improving` from direction alone.
 */
export const SIGNAL_KINDS = [
  'spc-concern',
  'spc-improvement',
  'new-spc-concern',
  'new-spc-neutral',
  'worse-95',
  'worse-998',
  'better-95',
  'better-998',
  'trend-worse',
  'trend-better',
  'assurance-fail',
  'target-missed',
  'behind-trajectory',
  'value-note',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/**
 * A rule as data: it matches when every kind in `all` is present and, if `any` is given, at least one
 * kind in it. `description` is the signal's text; `{benchmark}`, `{target}`, `{behindBy}`, `{note}` and
 * `{period}` (the indicator's period, e.g. "quarter") are filled in from the status's inputs.
 */
export interface AttentionRule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly when: { readonly all?: readonly SignalKind[]; readonly any?: readonly SignalKind[] };
}

/**
 * The rules the attention status is derived from; among those that match, the most severe decides the
 * severity (the first listed on a tie) and every match is reported as a signal.
 *
 * A process that will consistently fail its target (SPC assurance `fail`) is `watch` on its own: it is
 * a lasting state rather than news, and across London most areas miss the 95% immunisation standards,
 * so as `act` it would bury new problems. It becomes `act` when the area is also significantly worse
 * than its benchmark, which shows that other areas do better under the same target.
 *
 * A new special cause is `watch` when it is a concern or, for a no-judgement indicator, a change either
 * way; a new improvement is reported by `spc-improvement` instead, so good news is not ranked as a worry.
 */
export const ATTENTION_RULES: readonly AttentionRule[] = Object.freeze([
  {
    id: 'spc-concern-and-worse',
    severity: 'act',
    description: 'Special cause of concern and significantly worse than {benchmark}',
    when: { all: ['spc-concern'], any: ['worse-95', 'worse-998'] },
  },
  { id: 'worse-998', severity: 'act', description: 'Significantly worse than {benchmark} (99.8% confidence)', when: { all: ['worse-998'] } },
  {
    id: 'fails-target-and-worse',
    severity: 'act',
    description: 'Will consistently miss its target of {target} and is significantly worse than {benchmark}',
    when: { all: ['assurance-fail'], any: ['worse-95', 'worse-998'] },
  },
  { id: 'new-special-cause', severity: 'watch', description: 'New special cause this {period}', when: { any: ['new-spc-concern', 'new-spc-neutral'] } },
  { id: 'spc-concern', severity: 'watch', description: 'Special cause of concern', when: { all: ['spc-concern'] } },
  { id: 'consistently-fails-target', severity: 'watch', description: 'Will consistently miss its target of {target} unless something changes', when: { all: ['assurance-fail'] } },
  { id: 'worse-95', severity: 'watch', description: 'Significantly worse than {benchmark} (95% confidence)', when: { all: ['worse-95'] } },
  { id: 'trend-worsening', severity: 'watch', description: 'Getting worse over the last 5 {period}s (recent trend)', when: { all: ['trend-worse'] } },
  { id: 'behind-trajectory', severity: 'watch', description: 'Behind the campaign trajectory by {behindBy} children', when: { all: ['behind-trajectory'] } },
  { id: 'spc-improvement', severity: 'improving', description: 'Special cause of improvement', when: { all: ['spc-improvement'] } },
  {
    id: 'better-and-improving',
    severity: 'improving',
    description: 'Significantly better than {benchmark} and getting better over the last 5 {period}s',
    when: { all: ['trend-better'], any: ['better-95', 'better-998'] },
  },
  { id: 'target-missed', severity: 'ok', description: 'Misses its target of {target}', when: { all: ['target-missed'] } },
  { id: 'value-note', severity: 'ok', description: 'Data note: {note}', when: { all: ['value-note'] } },
] satisfies AttentionRule[]);
