import type { SpcStatus, StatusInputs } from './status-inputs.ts';
import { formatStatusValue } from './format-status-value.ts';

const PERIOD_NOUN = { weekly: 'week', monthly: 'month', quarterly: 'quarter', annual: 'year' } as const;

/** The singular noun of an indicator's period, e.g. "quarter". */
export const periodNoun = (inputs: StatusInputs): string => PERIOD_NOUN[inputs.indicator.frequency];

/**
 * The one-sentence summary of a status: what happened (said by the rule that decided the severity, or
 * how the area compares when none did), then the value against the benchmark.
 * @example "MMR1 at 24 months in Hackney fell for 7 quarters in a row (special cause); 64.8% against London 82.0%."
 */
export function statusSummary(inputs: StatusInputs, decidingRule: string | null): string {
  return `${inputs.indicator.shortName} in ${inputs.area.name} ${whatHappened(inputs, decidingRule)}; ${valueClause(inputs)}.`;
}

function whatHappened(inputs: StatusInputs, rule: string | null): string {
  const benchmark = inputs.benchmark?.label ?? 'its benchmark';
  const target = inputs.target === null ? 'its target' : `its ${formatStatusValue(inputs.target, inputs.indicator.unit)} target`;
  switch (rule) {
    case 'spc-concern-and-worse':
    case 'new-special-cause':
    case 'spc-concern':
    case 'spc-improvement':
      return `${spcPattern(inputs.spc!, periodNoun(inputs))} (special cause)`;
    case 'worse-998':
    case 'worse-95':
      return `is significantly worse than ${benchmark}`;
    case 'fails-target-and-worse':
      return `will consistently miss ${target} and is significantly worse than ${benchmark}`;
    case 'consistently-fails-target':
      return `will consistently miss ${target} unless something changes`;
    case 'trend-worsening':
      return `has got significantly worse over the last 5 ${periodNoun(inputs)}s`;
    case 'behind-trajectory':
      return `is ${formatStatusValue(inputs.campaign?.behindBy ?? 0, 'people')} children behind its campaign trajectory`;
    case 'better-and-improving':
      return `is significantly better than ${benchmark} and getting better`;
    case 'target-missed':
      return `misses ${target}`;
    default:
      return comparisonPhrase(inputs);
  }
}

function spcPattern(spc: SpcStatus, noun: string): string {
  const has = (rule: string) => spc.rules.some((r) => r.startsWith(rule));
  const low = spc.rules[0]?.endsWith('below') || spc.rules[0]?.endsWith('lower-limit') || spc.rules[0] === 'trend-decreasing';
  if (has('trend-')) return `${spc.rules.includes('trend-decreasing') ? 'fell' : 'rose'} for ${spc.periods} ${noun}s in a row`;
  if (spc.rules[0] === 'below-lower-limit') return 'fell below its usual range';
  if (spc.rules[0] === 'above-upper-limit') return 'rose above its usual range';
  if (has('run-')) return `has been ${low ? 'below' : 'above'} its average for ${spc.periods} ${noun}s in a row`;
  return `was near the ${low ? 'bottom' : 'top'} of its usual range in 2 of the last 3 ${noun}s`;
}

function comparisonPhrase({ benchmark }: StatusInputs): string {
  if (benchmark === null || benchmark.comparison === 'not-compared') return 'shows no signal';
  const label = benchmark.label;
  switch (benchmark.comparison) {
    case 'similar':
      return `is similar to ${label}`;
    case 'better':
    case 'much-better':
      return `is significantly better than ${label}`;
    case 'worse':
    case 'much-worse':
      return `is significantly worse than ${label}`;
    case 'higher':
    case 'much-higher':
      return `is significantly higher than ${label}`;
    default:
      return `is significantly lower than ${label}`;
  }
}

function valueClause({ value, benchmark, indicator, period }: StatusInputs): string {
  if (value === null) return `no value for ${period}`;
  const own = formatStatusValue(value, indicator.unit);
  if (benchmark === null || benchmark.value === null) return `${own} in ${period}`;
  return `${own} against ${benchmark.label} ${formatStatusValue(benchmark.value, indicator.unit)}`;
}
