import type { BenchmarkComparison } from '../stats/benchmark/compare-with-benchmark.ts';
import type { SignalKind } from './attention-rules.ts';
import type { StatusInputs } from './status-inputs.ts';

const COMPARISON_KINDS: Partial<Record<BenchmarkComparison, SignalKind>> = {
  worse: 'worse-95',
  'much-worse': 'worse-998',
  better: 'better-95',
  'much-better': 'better-998',
};

const JUDGED_BY_DIRECTION = ['better', 'much-better', 'worse', 'much-worse', 'improvement', 'concern'];

/**
 * The facts the attention rules read, from one status's inputs. Inputs that contradict each other
 * (a judgement of better or worse for a no-judgement indicator, an assurance without a target) are
 * rejected rather than guessed at: they mean a caller computed a statistic with the wrong polarity.
 * @throws RangeError naming the contradicting field
 */
export function signalKinds(inputs: StatusInputs): Set<SignalKind> {
  checkConsistent(inputs);
  const kinds = new Set<SignalKind>();
  const add = (kind: SignalKind | undefined, when = true) => {
    if (kind && when) kinds.add(kind);
  };
  const { spc } = inputs;
  add('spc-concern', spc?.variation === 'concern');
  add('spc-improvement', spc?.variation === 'improvement');
  add('new-spc-concern', spc?.variation === 'concern' && spc.newThisPeriod);
  add('new-spc-neutral', (spc?.variation === 'neutral-high' || spc?.variation === 'neutral-low') && spc.newThisPeriod);
  if (inputs.benchmark) add(COMPARISON_KINDS[inputs.benchmark.comparison]);
  add('trend-worse', inputs.recentTrend.endsWith('-getting-worse'));
  add('trend-better', inputs.recentTrend.endsWith('-getting-better'));
  add('assurance-fail', inputs.assurance === 'fail');
  add('target-missed', inputs.targetRag === 'red');
  add('behind-trajectory', inputs.campaign?.behindTrajectory === true);
  add('value-note', inputs.valueNote !== null && inputs.valueNote.trim() !== '');
  return kinds;
}

function checkConsistent(inputs: StatusInputs): void {
  const { indicator, benchmark, spc, recentTrend, assurance, target, targetRag } = inputs;
  if (indicator.polarity === 'no-judgement') {
    const judged = [
      ['benchmark.comparison', benchmark?.comparison],
      ['spc.variation', spc?.variation],
    ].find(([, v]) => v !== undefined && JUDGED_BY_DIRECTION.includes(v));
    if (judged) throw new RangeError(`${judged[0]} '${judged[1]}' judges a no-judgement indicator (${indicator.id})`);
    if (recentTrend.includes('-getting-')) throw new RangeError(`recentTrend '${recentTrend}' judges a no-judgement indicator (${indicator.id})`);
    if (assurance !== null || targetRag !== null) throw new RangeError(`a no-judgement indicator has no target to be assured or rated against (${indicator.id})`);
  }
  if (spc && spc.variation !== 'common-cause' && (spc.rules.length === 0 || spc.periods < 1)) {
    throw new RangeError(`spc: a special cause (${spc.variation}) needs the rules that flagged it and the periods it spans (${indicator.id})`);
  }
  if ((assurance !== null || targetRag !== null) && target === null) throw new RangeError(`assurance and targetRag need the target they were computed against (${indicator.id})`);
  if (inputs.value !== null && !Number.isFinite(inputs.value)) throw new RangeError(`value must be a finite number or null (got ${inputs.value})`);
}
