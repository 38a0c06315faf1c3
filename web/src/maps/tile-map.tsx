import { useMemo } from 'react';
import DeckGL from '@deck.gl/react';
import { OrthographicView } from '@deck.gl/core';
import { PolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Borough, IndicatorValueRow } from '@pathfinder/metrics';
import { SEQUENTIAL_BLUES, colourFor, equalBreaks, textColourOn } from '../theme/colour-scale.ts';
import { tileLabel } from './tile-label.ts';
import { useElementSize } from './use-element-size.ts';

interface Tile {
  readonly area: Borough;
  readonly row: IndicatorValueRow | undefined;
  readonly polygon: [number, number][];
  readonly centre: [number, number];
  readonly fill: readonly [number, number, number];
}

const GAP = 0.06;
const VIEW = new OrthographicView({ id: 'tiles', flipY: true });

/** The London tile-grid map: one square per borough, coloured by value (deck.gl). */
export default function TileMap({ areas, rows, unit }: { areas: readonly Borough[]; rows: readonly IndicatorValueRow[]; unit: string }) {
  const [containerRef, size] = useElementSize<HTMLDivElement>();
  const breaks = useMemo(() => equalBreaks(rows.map((r) => r.value)), [rows]);
  const tiles = useMemo<Tile[]>(() => {
    const byCode = new Map(rows.map((r) => [r.areaCode, r]));
    return areas.map((area) => {
      const { col: x, row: y } = area.tile;
      const row = byCode.get(area.code);
      return {
        area,
        row,
        polygon: [[x + GAP, y + GAP], [x + 1 - GAP, y + GAP], [x + 1 - GAP, y + 1 - GAP], [x + GAP, y + 1 - GAP]],
        centre: [x + 0.5, y + 0.5],
        fill: colourFor(row?.value ?? null, breaks),
      };
    });
  }, [areas, rows, breaks]);
  const cols = Math.max(...areas.map((a) => a.tile.col)) + 1;
  const rowsCount = Math.max(...areas.map((a) => a.tile.row)) + 1;

  // Fit the whole grid with a small margin: deck.gl's orthographic zoom is log2(pixels per unit).
  const zoom = size.width > 0 ? Math.log2(Math.min(size.width / (cols + 0.4), size.height / (rowsCount + 0.4))) : 5;
  const layers = [
    new PolygonLayer<Tile>({
      id: 'borough-tiles',
      data: tiles,
      getPolygon: (t) => t.polygon,
      getFillColor: (t) => [...t.fill, 255],
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      pickable: true,
      updateTriggers: { getFillColor: [breaks] },
    }),
    new TextLayer<Tile>({
      id: 'borough-labels',
      data: tiles,
      getPosition: (t) => t.centre,
      getText: (t) => tileLabel(t.area.name),
      getColor: (t) => [...textColourOn(t.fill), 255],
      getSize: getLabelSize(zoom),
      fontWeight: 700,
      fontFamily: 'Arial, sans-serif',
      updateTriggers: { getColor: [breaks] },
    }),
  ];

  const summary = `Tile map of ${tiles.length} London boroughs coloured by value in ${unit}; the table beside it lists every value.`;
  return (
    <figure className="tile-map">
      <div className="tile-map__canvas" role="img" aria-label={summary} ref={containerRef}>
        <DeckGL
          views={VIEW}
          viewState={{ target: [cols / 2, rowsCount / 2, 0], zoom }}
          controller={false}
          layers={layers}
          getTooltip={({ object }) => {
            const t = object as Tile | null;
            if (!t) return null;
            const r = t.row;
            return r?.value == null ? `${t.area.name}: no value` : `${t.area.name}: ${r.value.toFixed(1)}${unit === '%' ? '%' : ` ${unit}`} (95% CI ${r.lower95?.toFixed(1)}–${r.upper95?.toFixed(1)})`;
          }}
        />
      </div>
      <figcaption>
        <Legend breaks={breaks} unit={unit} />
      </figcaption>
    </figure>
  );
}

function Legend({ breaks, unit }: { breaks: readonly number[]; unit: string }) {
  if (breaks.length === 0) return null;
  const edges = ['<', ...breaks.map((b) => b.toFixed(1))];
  return (
    <ul className="legend" aria-label={`Colour key (${unit})`}>
      {SEQUENTIAL_BLUES.map((rgb, i) => (
        <li key={i}>
          <span className="legend__swatch" style={{ background: `rgb(${rgb.join(',')})` }} aria-hidden="true" />
          {i === 0 ? `below ${breaks[0]!.toFixed(1)}` : i === SEQUENTIAL_BLUES.length - 1 ? `${edges[i]} and above` : `${edges[i]} to ${breaks[i]!.toFixed(1)}`}
        </li>
      ))}
    </ul>
  );
}

/** Label size in pixels for a tile of 2^zoom pixels: a fifth of the tile, between 9 and 15 px. */
const getLabelSize = (zoom: number) => Math.max(9, Math.min(15, 2 ** zoom / 5));
