import type { OpenRelease } from './data-store.ts';

/**
 * A value built once per release and key (a campaign's or a dose's public table), shared by every
 * request: the first callers share one build, a failed build is forgotten so the next caller tries
 * again, and a closed release's values go with it (a WeakMap keyed by the release's `tables`: a
 * request's view of a release, with its caller's areas or its deadline, is a new object, but shares
 * them with every other view of the same opened release).
 * @param build makes the value of one key for one release
 * @returns a getter; keys are compared by their JSON
 */
export function perReleaseMemo<K, V>(build: (release: OpenRelease, key: K) => Promise<V>): (release: OpenRelease, key: K) => Promise<V> {
  const built = new WeakMap<OpenRelease['tables'], Map<string, Promise<V>>>();
  return (release, key) => {
    const values = built.get(release.tables) ?? new Map<string, Promise<V>>();
    built.set(release.tables, values);
    const id = JSON.stringify(key);
    const known = values.get(id);
    if (known) return known;
    const value = build(release, key);
    values.set(id, value);
    value.catch(() => values.delete(id));
    return value;
  };
}
