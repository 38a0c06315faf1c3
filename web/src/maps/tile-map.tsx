import { useMemo, useState } from 'react';
import DeckGL from '@deck.gl/react';
import { OrthographicView } from '@deck.gl/core';
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { Borough } from '@pathfinder/metrics';
import { equalBreaks, textColourOn } from '../theme/colour-scale.ts';
import { describeArea, isSelectedIn, mapFill, mapMark, type MapDatum, type MapDrawingProps, type MapMark } from './map-datum.ts';
import { MarkIcon } from './map-mark.tsx';
import { tileLabel } from './tile-label.ts';
import { useElementSize } from './use-element-size.ts';
import { ValueLegend } from './value-legend.tsx';
import { formatNumber } from '../format/format-number.ts';

export type { MapDatum };

interface Tile {
  readonly area: Borough;
  readonly datum: MapDatum | undefined;
  readonly polygon: [number, number][];
  /** The short name shown on the tile. */
  readonly label: string;
  readonly fill: readonly [number, number, number];
  readonly mark: MapMark;
}

const GAP = 0.06;
const VIEW = new OrthographicView({ id: 'tiles', flipY: true });
/** Axis-aligned squares gain nothing from multisampling, which costs most where WebGL runs in software. */
const DEVICE_PROPS = { type: 'webgl', webgl: { antialias: false } } as const;

/**
 * The London tile-grid map (deck.gl): one square per borough, coloured by value or by comparison.
 * A transparent button sits on each tile so every borough takes keyboard focus, shows its value
 * and CI, and selects on Enter; arrow keys move between tiles. Each tile shows its comparison's
 * symbol or its value class's bars as well as its colour.
 *
 * deck.gl draws only the fills (one shader program). Labels, outlines and hover are the buttons'
 * own text and CSS: text stays crisp and selectable, and there is no font atlas or picking pass to
 * build, which on a machine without a GPU cost about half a second of blocked main thread.
 */
export default function TileMap({ areas, data, unit, colourBy, selected, onSelect, breaks: fixedBreaks, formatValue = (v) => formatNumber(v) }: MapDrawingProps & { areas: readonly Borough[] }) {
  const isSelected = (code: string) => isSelectedIn(selected, code);
  const [containerRef, size] = useElementSize<HTMLDivElement>();
  const [hovered, setHovered] = useState<string | null>(null);
  const breaks = useMemo(() => fixedBreaks ?? equalBreaks([...data.values()].map((d) => (d.suppressed ? null : d.value))), [data, fixedBreaks]);
  const tiles = useMemo<Tile[]>(() => areas.map((area) => {
    const { col: x, row: y } = area.tile;
    const datum = data.get(area.code);
    const fill = mapFill(datum, colourBy, breaks);
    return { area, datum, fill, mark: mapMark(datum, colourBy, breaks), polygon: [[x + GAP, y + GAP], [x + 1 - GAP, y + GAP], [x + 1 - GAP, y + 1 - GAP], [x + GAP, y + 1 - GAP]], label: tileLabel(area.name) };
  }), [areas, data, breaks, colourBy]);
  const cols = Math.max(...areas.map((a) => a.tile.col)) + 1;
  const rowsCount = Math.max(...areas.map((a) => a.tile.row)) + 1;
  // deck.gl's orthographic zoom is log2(pixels per unit): fit the grid with a small margin.
  const pixelsPerTile = size.width > 0 ? Math.min(size.width / (cols + 0.4), size.height / (rowsCount + 0.4)) : 32;
  const zoom = Math.log2(pixelsPerTile);
  const origin = { x: size.width / 2 - (cols / 2) * pixelsPerTile, y: size.height / 2 - (rowsCount / 2) * pixelsPerTile };

  const layers = [
    new SolidPolygonLayer<Tile>({
      id: 'borough-tiles',
      data: tiles,
      getPolygon: (t) => t.polygon,
      getFillColor: (t) => [...t.fill, 255],
      updateTriggers: { getFillColor: [breaks, colourBy, data] },
    }),
  ];

  const describe = (t: Tile) => describeArea({ name: t.area.name, shown: t.label, datum: t.datum, unit, colourBy, formatValue });
  const focusTile = (from: Tile, dx: number, dy: number) => {
    const target = tiles
      .filter((t) => (dx !== 0 ? Math.sign(t.area.tile.col - from.area.tile.col) === dx : Math.sign(t.area.tile.row - from.area.tile.row) === dy))
      .sort((a, b) => Math.hypot(a.area.tile.col - from.area.tile.col, a.area.tile.row - from.area.tile.row) - Math.hypot(b.area.tile.col - from.area.tile.col, b.area.tile.row - from.area.tile.row))[0];
    if (target) document.getElementById(`tile-${target.area.code}`)?.focus();
  };
  const hoveredTile = tiles.find((t) => t.area.code === hovered);
  // deck.gl's event root takes tabindex 0 for keyboard panning (mjolnir.js), which this map does not use: an unnamed, invisible tab stop.
  const leaveTabOrder = () => containerRef.current?.querySelector('.deck-events-root')?.setAttribute('tabindex', '-1');

  return (
    <figure className="tile-map">
      <div className="tile-map__canvas" ref={containerRef}>
        <DeckGL views={VIEW} viewState={{ target: [cols / 2, rowsCount / 2, 0], zoom }} controller={false} layers={layers} deviceProps={DEVICE_PROPS} onLoad={leaveTabOrder} />
        {/* biome-ignore lint/a11y/useSemanticElements: a map's buttons are not a form's fieldset; the group only names them */}
        {size.width > 0 && <div className="tile-map__keys" role="group" aria-label={`Map of London boroughs; use Tab or the arrow keys to move between boroughs and Enter to select one`}>
          {tiles.map((t) => (
            <button
              key={t.area.code}
              id={`tile-${t.area.code}`}
              type="button"
              className="tile-map__key tile-map__key--tile"
              style={{
                left: origin.x + (t.area.tile.col + GAP) * pixelsPerTile,
                top: origin.y + (t.area.tile.row + GAP) * pixelsPerTile,
                width: (1 - 2 * GAP) * pixelsPerTile,
                height: (1 - 2 * GAP) * pixelsPerTile,
                color: `rgb(${textColourOn(t.fill).join(',')})`,
                fontSize: Math.max(9, Math.min(15, pixelsPerTile / 5)),
              }}
              aria-label={describe(t)}
              aria-pressed={isSelected(t.area.code)}
              onFocus={() => setHovered(t.area.code)}
              onBlur={() => setHovered(null)}
              onMouseEnter={() => setHovered(t.area.code)}
              onMouseLeave={() => setHovered(null)}
              onClick={() => onSelect?.(t.area.code)}
              onKeyDown={(e) => {
                const move = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
                if (move) {
                  e.preventDefault();
                  focusTile(t, move[0]!, move[1]!);
                }
              }}
            >
              <span>{t.label}</span>
              <MarkIcon mark={t.mark} colour={`rgb(${textColourOn(t.fill).join(',')})`} />
            </button>
          ))}
        </div>}
      </div>
      {/* Under the map, not over it: a tooltip laid on the map covered its bottom row. */}
      <div className="tile-map__tooltip" role="status">{hoveredTile ? describe(hoveredTile) : ''}</div>
      <figcaption>{colourBy === 'value' ? <ValueLegend breaks={breaks} unit={unit} formatValue={formatValue} /> : 'Colours and symbols show the comparison; see the key above.'}</figcaption>
    </figure>
  );
}
