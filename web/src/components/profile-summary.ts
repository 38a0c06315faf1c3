import type { BenchmarkComparison, Domain } from '@pathfinder/metrics';

/** What each domain's measures are about, in words a parent uses. */
export const DOMAIN_TOPICS: Record<Domain, string> = {
  immunisation: 'childhood vaccination',
  asthma: 'asthma care',
  hypertension: 'blood pressure care',
  cancer: 'cancer screening and treatment',
};

/** The parts of a profile row the summary counts: the same comparison the row shows. */
export interface SummaryRow {
  readonly comparison: BenchmarkComparison;
  readonly suppressed: boolean;
  readonly value: number | null;
}

const GROUP: Record<BenchmarkComparison, 'worse' | 'similar' | 'better' | 'higher' | 'lower' | 'none'> = {
  'much-worse': 'worse', worse: 'worse', similar: 'similar', better: 'better', 'much-better': 'better',
  'much-higher': 'higher', higher: 'higher', lower: 'lower', 'much-lower': 'lower', 'not-compared': 'none',
};
const STRONG = new Set<BenchmarkComparison>(['much-worse', 'much-better', 'much-higher', 'much-lower']);

const measures = (n: number) => (n === 1 ? 'measure' : 'measures');
const list = (parts: readonly string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

/**
 * A domain's comparisons in plain words, counted from the rows' own comparisons (so the summary
 * and the table cannot disagree). Rows without a comparison are counted apart, each with its reason:
 * suppressed, no figure for the area, or none for the comparator.
 */
export function profileSummary({ area, comparator, topic, rows }: { area: string; comparator: string; topic: string; rows: readonly SummaryRow[] }): string[] {
  const count = { worse: 0, similar: 0, better: 0, higher: 0, lower: 0, none: 0 };
  let strong = 0;
  let suppressed = 0;
  let noValue = 0;
  for (const r of rows) {
    const group = r.suppressed ? 'none' : GROUP[r.comparison];
    count[group] += 1;
    if (group !== 'none' && STRONG.has(r.comparison)) strong += 1;
    if (r.suppressed) suppressed += 1;
    else if (group === 'none' && r.value === null) noValue += 1;
  }
  const noComparator = count.none - suppressed - noValue;
  const compared = rows.length - count.none;
  const sentences: string[] = [];
  if (compared === 0) {
    sentences.push(`None of the ${rows.length} ${topic} ${measures(rows.length)} for ${area} could be compared with ${comparator}.`);
  } else {
    const of = compared === rows.length ? `${compared} ${topic} ${measures(compared)}` : `the ${compared} ${topic} ${measures(compared)} that could be compared`;
    const neutral = list([...(count.higher > 0 ? [`higher on ${count.higher}`] : []), ...(count.lower > 0 ? [`lower on ${count.lower}`] : [])]);
    sentences.push(`${area} is worse than ${comparator} on ${count.worse} of ${of}, similar on ${count.similar} and better on ${count.better}${neutral ? `; where higher is neither better nor worse, it is ${neutral}` : ''}.`);
    const differ = compared - count.similar;
    if (differ > 0) {
      sentences.push(`A difference is only counted when it is unlikely to be down to chance (95% confidence); for ${strong} of these ${differ} it is very unlikely (99.8% confidence).`);
    } else {
      sentences.push(`“Similar” means any difference could be down to chance.`);
    }
  }
  const reasons = [
    ...(suppressed > 0 ? [`${suppressed} because the numbers are too small to publish safely (suppressed)`] : []),
    ...(noValue > 0 ? [`${noValue} because there is no figure for ${area}`] : []),
    ...(noComparator > 0 ? [`${noComparator} because there is no figure for ${comparator}`] : []),
  ];
  if (compared > 0 && count.none > 0) sentences.push(`${count.none} ${measures(count.none)} could not be compared: ${list(reasons)}.`);
  else if (compared === 0 && reasons.length > 0) sentences.push(`Of these, ${list(reasons)}.`);
  return sentences;
}
