import { useSearch } from '@tanstack/react-router';
import type { MapKind } from '@pathfinder/metrics';
import { useSearchUpdate } from '../routing/use-search-update.ts';

/** How the view's map draws areas, kept in the URL (`map=tiles`) so a shared link shows the same map. */
export function useMapKind(): readonly [MapKind, (kind: MapKind) => void] {
  // Any view with a map: its schema reads `map`, official boundaries when absent.
  const { map = 'boundaries' } = useSearch({ strict: false });
  const update = useSearchUpdate<{ map: MapKind }>();
  return [map, (kind: MapKind) => update({ map: kind }, { replace: true })] as const;
}
