/** One child area's counts for a parent's sum. */
export interface ChildCounts {
  readonly areaCode: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Hidden by disclosure control (its counts are null). */
  readonly suppressed?: boolean | undefined;
  /** Why its counts are missing, if they are (a source's exclusion note). */
  readonly valueNote?: string | null | undefined;
}

export interface RolledUpCounts {
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** True when a child is hidden: the parent's counts are hidden too. */
  readonly suppressed: boolean;
  /** Null when every child was summed; otherwise how many were and why the rest were not. */
  readonly valueNote: string | null;
}

/**
 * The one rule for a parent area's counts summed from its children (an ICB or London from boroughs
 * in an import; any level the API finds without rows of its own):
 * - not computed (null) unless every child the parent needs has a row, so a few children never pose as the whole;
 * - hidden when any child is hidden: a sum of the published parts would pose as the whole, and the
 *   whole minus the parts would give the hidden child away;
 * - summed over children with both counts only: a denominator without its numerator (a source's
 *   exclusion, "[x] excluded: data quality") would bias the value towards 0;
 * - the value note says how many children were summed and why the rest were not (their notes, or
 *   "no counts"); with none summed, the counts are null.
 * @param children the rows the parent's children have (one per child)
 * @param required the children that must have a row (not those that may be absent, such as the City
 *   of London, which sources count within Hackney)
 * @param childType the children's level, for the note ("borough")
 * @example rollUpChildren([{ areaCode: 'A', numerator: 60, denominator: 80 }, { areaCode: 'B', numerator: null, denominator: null, valueNote: '[x] excluded' }], ['A', 'B'], 'borough')
 * // { numerator: 60, denominator: 80, suppressed: false, valueNote: 'sum of 1 of 2 boroughs; 1 left out: [x] excluded' }
 */
export function rollUpChildren(children: readonly ChildCounts[], required: readonly string[], childType: string): RolledUpCounts | null {
  const present = new Set(children.map((c) => c.areaCode));
  if (children.length === 0 || required.some((code) => !present.has(code))) return null;
  if (children.some((c) => c.suppressed === true)) return { numerator: null, denominator: null, suppressed: true, valueNote: null };
  const summed = children.filter((c) => c.numerator !== null && c.denominator !== null);
  const left = children.filter((c) => c.numerator === null || c.denominator === null);
  const reasons = [...new Set(left.map((c) => c.valueNote ?? 'no counts'))].sort().join('; ');
  return {
    numerator: summed.length === 0 ? null : summed.reduce((s, c) => s + c.numerator!, 0),
    denominator: summed.length === 0 ? null : summed.reduce((s, c) => s + c.denominator!, 0),
    suppressed: false,
    valueNote: left.length === 0 ? null : `sum of ${summed.length} of ${children.length} ${childType}s; ${left.length} left out: ${reasons}`,
  };
}
