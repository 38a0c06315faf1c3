import type { ReleaseSummary } from '@pathfinder/metrics';
import { releaseLabel } from '../api/release-offer.ts';

const KIND_ORDER: Record<ReleaseSummary['kind'], number> = { published: 0, synthetic: 1, imported: 2 };

/** Each release's name in the switch, published first; releases that would share a name are told apart by id. */
export function dataSourceOptions(releases: readonly ReleaseSummary[]): { value: string; label: string }[] {
  const sorted = [...releases].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.createdAt.localeCompare(a.createdAt));
  const counts = new Map<string, number>();
  for (const r of sorted) counts.set(releaseLabel(r), (counts.get(releaseLabel(r)) ?? 0) + 1);
  return sorted.map((r) => ({ value: r.id, label: (counts.get(releaseLabel(r)) ?? 0) > 1 && r.kind !== 'imported' ? `${releaseLabel(r)}: ${r.id}` : releaseLabel(r) }));
}
