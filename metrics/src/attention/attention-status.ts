import { ATTENTION_RULES, type AttentionRule, SEVERITIES, SIGNAL_KINDS, type Severity, type SignalKind } from './attention-rules.ts';
import { formatStatusValue } from './format-status-value.ts';
import { signalKinds } from './signal-kinds.ts';
import type { StatusInputs } from './status-inputs.ts';
import { periodNoun, statusSummary } from './status-summary.ts';

/** One matched rule, as the user reads it. */
export interface AttentionSignal {
  readonly rule: string;
  readonly severity: Severity;
  readonly text: string;
}

export interface AttentionStatus {
  readonly severity: Severity;
  /** Every rule that matched, most severe first (in rule order within a severity). */
  readonly signals: readonly AttentionSignal[];
  readonly summary: string;
}

/**
 * The attention status of one area × indicator × period: interprets the rules (data, see
 * `ATTENTION_RULES`) over the facts of its inputs. The most severe matching rule decides the severity
 * (the first listed on a tie) and words the summary; with none, the severity is `ok`.
 * @param inputs the outputs of the existing statistics for the area, indicator and period
 * @param rules default `ATTENTION_RULES`
 * @throws RangeError for contradictory inputs or a malformed rule (naming its id)
 * @example
 * attentionStatus({ …, benchmark: { label: 'London', value: 82, comparison: 'much-worse' }, value: 64.8, … })
 * // { severity: 'act', signals: [{ rule: 'worse-998', severity: 'act', text: 'Significantly worse than London (99.8% confidence)' }],
 * //   summary: 'MMR1 at 24 months in Hackney is significantly worse than London; 64.8% against London 82.0%.' }
 */
export function attentionStatus(inputs: StatusInputs, rules: readonly AttentionRule[] = ATTENTION_RULES): AttentionStatus {
  checkRules(rules);
  const kinds = signalKinds(inputs);
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const matched = rules.filter((r) => matches(r, kinds)).sort((a, b) => rank(a.severity) - rank(b.severity));
  const deciding = matched[0] ?? null;
  return {
    severity: deciding?.severity ?? 'ok',
    signals: matched.map((r) => ({ rule: r.id, severity: r.severity, text: signalText(r, inputs) })),
    summary: statusSummary(inputs, deciding?.id ?? null),
  };
}

function matches(rule: AttentionRule, kinds: ReadonlySet<SignalKind>): boolean {
  const { all = [], any } = rule.when;
  return all.every((k) => kinds.has(k)) && (any === undefined || any.some((k) => kinds.has(k)));
}

function checkRules(rules: readonly AttentionRule[]): void {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new RangeError(`rule ids must be unique (${rule.id} repeats)`);
    ids.add(rule.id);
    if (!SEVERITIES.includes(rule.severity)) throw new RangeError(`rule ${rule.id}: severity must be one of ${SEVERITIES.join(', ')} (got ${String(rule.severity)})`);
    const { all = [], any } = rule.when;
    if (all.length === 0 && (any === undefined || any.length === 0)) throw new RangeError(`rule ${rule.id}: when needs at least one signal kind in all or any`);
    const unknown = [...all, ...(any ?? [])].find((k) => !SIGNAL_KINDS.includes(k));
    if (unknown !== undefined) throw new RangeError(`rule ${rule.id}: unknown signal kind ${String(unknown)}`);
  }
}

function signalText(rule: AttentionRule, inputs: StatusInputs): string {
  return rule.description.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = placeholder(name, inputs);
    if (value === null) throw new RangeError(`rule ${rule.id}: {${name}} has no value in these inputs`);
    return value;
  });
}

function placeholder(name: string, inputs: StatusInputs): string | null {
  switch (name) {
    case 'benchmark':
      return inputs.benchmark?.label ?? null;
    case 'target':
      return inputs.target === null ? null : formatStatusValue(inputs.target, inputs.indicator.unit);
    case 'behindBy':
      return inputs.campaign?.behindBy == null ? null : formatStatusValue(inputs.campaign.behindBy, 'people');
    case 'note':
      return inputs.valueNote;
    case 'period':
      return periodNoun(inputs);
    default:
      return null;
  }
}
