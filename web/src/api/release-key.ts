/**
 * The start of every key of a release's answers. Releases are immutable, so an answer cached under
 * one id is never shown for another, and switching back to a release reuses what it answered.
 */
export const releaseKey = (release: string) => ['release', release] as const;

/**
 * A query-factory group for one release, made once per release id (so its functions keep their
 * identity across renders). Every fetch of the group sends `release` and has it in its key.
 * @example const queries = indicatorQueries('published-2025-06'); useQuery(queries.trend(id, filter))
 */
export function perRelease<Group>(make: (release: string) => Group): (release: string) => Group {
  const groups = new Map<string, Group>();
  return (release) => {
    const known = groups.get(release);
    if (known) return known;
    const group = make(release);
    groups.set(release, group);
    return group;
  };
}
