import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { BOROUGHS, ICBS, type BoundaryAreaType } from '@pathfinder/metrics';
import { boundaryQueries } from '../api/queries.ts';
import { PanelError } from '../components/panel-error.tsx';
import type { MapDatum, MapDrawingProps } from './map-datum.ts';
import { useMapKind } from './map-kind.ts';
import { MapKindToggle } from './map-kind-toggle.tsx';
import { tileLabel } from './tile-label.ts';

export type { MapDatum };

// Each drawing is its own chunk: the boundaries need no deck.gl, and the tile grid no boundaries.
const loadBoundaryMap = () => import('./boundary-map.tsx');
const loadTileMap = () => import('./tile-map.tsx');
const BoundaryMap = lazy(loadBoundaryMap);
const TileMap = lazy(loadTileMap);

const ICB_BY_CODE = new Map(ICBS.map((i) => [i.code, i]));
const boroughLabels = (_code: string, name: string) => [name, tileLabel(name)];
const icbLabels = (code: string, name: string) => {
  const icb = ICB_BY_CODE.get(code);
  return icb ? [icb.shortName, icb.abbreviation] : [name];
};

interface AreaMapProps extends MapDrawingProps {
  /** The level of `data`'s keys; at ICB level the tile grid shows each ICB's figures on its boroughs. */
  areaType: BoundaryAreaType;
}

/**
 * The map of every view with London's boroughs or ICBs: official boundaries by default, or the
 * tile grid, chosen with a toggle and kept in the URL (`map=tiles`).
 */
export function AreaMap(props: AreaMapProps) {
  const [kind, setKind] = useMapKind();
  return (
    <div className="area-map">
      <MapKindToggle kind={kind} onChange={setKind} />
      <Suspense fallback={<MapSkeleton />}>
        {kind === 'tiles' ? <TilesAt {...props} /> : <Boundaries {...props} />}
      </Suspense>
    </div>
  );
}

/**
 * Starts loading what the view's map will draw (its chunk, and the boundaries) as the view opens,
 * alongside the view's data instead of after it.
 */
export function usePreloadAreaMap(areaType: BoundaryAreaType) {
  const [kind] = useMapKind();
  const client = useQueryClient();
  useEffect(() => {
    // Only a head start: a failed load is reported by the map itself when it renders.
    const ignore = () => undefined;
    if (kind === 'tiles') {
      loadTileMap().catch(ignore);
    } else {
      loadBoundaryMap().catch(ignore);
      void client.prefetchQuery(boundaryQueries.level(areaType));
    }
  }, [kind, areaType, client]);
}

/** Holds the map's own box (same aspect ratio), so nothing moves when it is drawn. */
function MapSkeleton() {
  return <div className="skeleton tile-map__canvas" role="status">Loading map…</div>;
}

function Boundaries({ areaType, ...props }: AreaMapProps) {
  const boundaries = useQuery(boundaryQueries.level(areaType));
  if (boundaries.isPending) return <MapSkeleton />;
  if (boundaries.isError) return <PanelError error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  return <BoundaryMap boundaries={boundaries.data} labels={areaType === 'icb' ? icbLabels : boroughLabels} {...props} />;
}

function TilesAt({ areaType, data, selected, onSelect, ...props }: AreaMapProps) {
  const tiles = useMemo(() => {
    if (areaType === 'borough') return { data, selected };
    const chosen = typeof selected === 'string' ? [selected] : selected ?? [];
    return {
      data: new Map(BOROUGHS.flatMap((b) => {
        const d = data.get(b.parent);
        return d ? [[b.code, { ...d, label: `${b.name} (${d.label})` }] as const] : [];
      })),
      selected: BOROUGHS.filter((b) => chosen.includes(b.parent)).map((b) => b.code),
    };
  }, [areaType, data, selected]);
  const select = onSelect && ((code: string) => onSelect(areaType === 'icb' ? BOROUGHS.find((b) => b.code === code)!.parent : code));
  return <TileMap areas={BOROUGHS} data={tiles.data} selected={tiles.selected} onSelect={select} {...props} />;
}
