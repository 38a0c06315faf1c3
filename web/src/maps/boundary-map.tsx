import { useMemo, useState } from 'react';
import DeckGL from '@deck.gl/react';
import { MapView, WebMercatorViewport } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { BoroughBoundaries } from '@pathfinder/metrics';
import { equalBreaks } from '../theme/colour-scale.ts';
import { describeArea, mapFill, type MapDatum } from './map-datum.ts';
import { useElementSize } from './use-element-size.ts';

type Feature = BoroughBoundaries['features'][number];
const VIEW = new MapView({ id: 'boundaries', repeat: false });

function bounds(features: readonly Feature[]): [[number, number], [number, number]] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1] as number); maxY = Math.max(maxY, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) visit(f.geometry.coordinates);
  return [[minX, minY], [maxX, maxY]];
}

/** Mean of a feature's outer-ring vertices: where its keyboard target sits. */
function anchor(feature: Feature): [number, number] {
  const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0]! : feature.geometry.coordinates[0]![0]!;
  const sum = ring.reduce((s, p) => [s[0] + p[0]!, s[1] + p[1]!], [0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length];
}

/**
 * Official borough boundaries (ONS, when the server has BOUNDARIES_FILE) drawn with deck.gl, with no
 * base map. As on the tile map, a focusable button sits on each borough for keyboard users.
 */
export default function BoundaryMap({ boundaries, data, unit, colourBy, selected, onSelect }: {
  boundaries: BoroughBoundaries;
  data: ReadonlyMap<string, MapDatum>;
  unit: string;
  colourBy: 'value' | 'comparison';
  selected?: string | undefined;
  onSelect?: (code: string) => void;
}) {
  const [containerRef, size] = useElementSize<HTMLDivElement>();
  const [hovered, setHovered] = useState<string | null>(null);
  const breaks = useMemo(() => equalBreaks([...data.values()].map((d) => (d.suppressed ? null : d.value))), [data]);
  const viewport = useMemo(() => (size.width > 0 ? new WebMercatorViewport({ width: size.width, height: size.height }).fitBounds(bounds(boundaries.features), { padding: 12 }) : null), [size, boundaries]);
  const layer = new GeoJsonLayer<Feature['properties']>({
    id: 'borough-boundaries',
    data: boundaries as never,
    filled: true,
    stroked: true,
    getFillColor: (f) => [...mapFill(data.get(f.properties.code), colourBy, breaks), 255],
    getLineColor: (f) => (f.properties.code === selected || f.properties.code === hovered ? [33, 43, 50, 255] : [255, 255, 255, 255]),
    getLineWidth: (f) => (f.properties.code === selected || f.properties.code === hovered ? 3 : 1),
    lineWidthUnits: 'pixels',
    pickable: true,
    onHover: (info) => setHovered((info.object as Feature | null)?.properties.code ?? null),
    onClick: (info) => info.object && onSelect?.((info.object as Feature).properties.code),
    updateTriggers: { getFillColor: [data, colourBy, breaks], getLineColor: [selected, hovered], getLineWidth: [selected, hovered] },
  });
  const hoveredFeature = boundaries.features.find((f) => f.properties.code === hovered);
  return (
    <figure className="tile-map">
      <div className="tile-map__canvas" ref={containerRef}>
        {viewport && (
          <>
            <DeckGL views={VIEW} viewState={{ longitude: viewport.longitude, latitude: viewport.latitude, zoom: viewport.zoom }} controller={false} layers={[layer]} />
            <div className="tile-map__keys" role="group" aria-label="Map of London boroughs; use Tab to move between boroughs and Enter to select one">
              {boundaries.features.map((f) => {
                const [x, y] = viewport.project(anchor(f));
                return (
                  <button key={f.properties.code} id={`tile-${f.properties.code}`} type="button" className="tile-map__key"
                    style={{ left: x! - 12, top: y! - 12, width: 24, height: 24 }}
                    aria-label={describeArea(f.properties.name, data.get(f.properties.code), unit)} aria-pressed={f.properties.code === selected}
                    onFocus={() => setHovered(f.properties.code)} onBlur={() => setHovered(null)} onClick={() => onSelect?.(f.properties.code)} />
                );
              })}
            </div>
          </>
        )}
        {hoveredFeature && <div className="tile-map__tooltip" role="status">{describeArea(hoveredFeature.properties.name, data.get(hoveredFeature.properties.code), unit)}</div>}
      </div>
      <figcaption>Boundaries: Office for National Statistics, Open Government Licence v3.0. Contains OS data © Crown copyright and database right.</figcaption>
    </figure>
  );
}
