import { useSearchState } from '../routing/router.tsx';
import { mapKindState, type MapKind } from '../routing/view-state.ts';

/** How the view's map draws areas, kept in the URL so a shared link shows the same map. */
export function useMapKind(): readonly [MapKind, (kind: MapKind) => void] {
  const [state, update] = useSearchState(mapKindState);
  return [state.map, (kind: MapKind) => update({ map: kind === 'boundaries' ? undefined : kind }, { replace: true })] as const;
}
