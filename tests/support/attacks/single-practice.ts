import type { SumRelation } from './interval-propagation.ts';

/** Practices of each borough, as NHS organisation data lists them (public knowledge outside this API). */
export type PracticesByBorough = ReadonlyMap<string, readonly string[]>;

/**
 * Single-practice areas: a borough with one practice publishes that practice's counts, which the
 * public may not see (practice rows are 401). Each of the borough's count keys equals the
 * practice's; the practice's counts are hidden from the public by definition.
 */
export function singlePracticeRelations(keys: Iterable<string>, practices: PracticesByBorough): SumRelation[] {
  const relations: SumRelation[] = [];
  for (const key of keys) {
    const [kind, indicator, area, ...rest] = key.split('|');
    const only = practices.get(area ?? '');
    if (kind !== 'count' || !indicator || rest.length !== 3 || only?.length !== 1) continue;
    relations.push({ total: key, parts: [[kind, indicator, only[0]!, ...rest].join('|')], source: 'borough = its one practice' });
  }
  return relations;
}
