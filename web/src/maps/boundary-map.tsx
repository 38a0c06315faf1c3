import { useMemo, useState } from 'react';
import type { AreaBoundaries } from '@pathfinder/metrics';
import { equalBreaks, textColourOn } from '../theme/colour-scale.ts';
import { fitGeometry, fittingLabel, mapGeometry } from './boundary-geometry.ts';
import { describeArea, isSelectedIn, mapFill, mapMark, type MapDatum, type MapDrawingProps, type MapMark } from './map-datum.ts';
import { StepsGlyph, SymbolGlyph } from './map-mark.tsx';
import { ARROW_DIRECTIONS, nearestInDirection } from './nearest-in-direction.ts';
import { textWidth } from './text-width.ts';
import { useElementSize } from './use-element-size.ts';
import { ValueLegend } from './value-legend.tsx';
import { formatNumber } from '../format/format-number.ts';
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';

const FONT_PX = 12;
const FONT = `700 ${FONT_PX}px Arial, sans-serif`;
const PADDING_PX = 8;
const EDGE = NHS_COLOURS.grey2;
const DARK = CHART_COLOURS.ink;
const FOCUS = CHART_COLOURS.focus;

/** Half the distance between an area's label and its mark below it. */
const MARK_SHIFT = 7;

/** An area's comparison symbol or value-class bars, centred on (x, y), so colour is not the only cue. */
function AreaMark({ mark, x, y, colour }: { mark: MapMark; x: number; y: number; colour: string }) {
  if (mark === null) return null;
  if (mark.kind === 'steps') return <StepsGlyph count={mark.count} x={x} y={y} colour={colour} />;
  return <SymbolGlyph symbol={mark.text} x={x} y={y} colour={colour} />;
}

interface DrawnArea {
  readonly code: string;
  readonly name: string;
  readonly path: string;
  readonly datum: MapDatum | undefined;
  readonly fill: string;
  readonly text: string;
  readonly label: { text: string; width: number } | null;
  readonly mark: MapMark;
  /** Anchor in pixels. */
  readonly at: readonly [number, number];
}

/**
 * Official boundaries (ONS, bundled; or the server's BOUNDARIES_FILE) drawn as SVG, coloured by
 * value or comparison. 33 generalised polygons are about 1,300 vertices: SVG draws them in a few
 * milliseconds with no WebGL context, shader or deck.gl chunk to load, strokes outlines and focus
 * for free, and exports as vector with its labels.
 *
 * Each area is itself the button (role, name, pressed state, in the Tab order), so the pointer
 * target is the whole shape and the focus indicator is the shape's outline; HTML buttons laid over
 * the map could only be squares, which overlap one another in inner London. Tab or the arrow keys
 * move, Enter or Space selects, as on the tile map. A label is drawn at the area's pole of
 * inaccessibility when it fits inside the area, in a colour with ≥ 4.5:1 contrast on the fill, and
 * every area carries its comparison's symbol or its value class's bars there, besides its colour.
 */
export default function BoundaryMap({ boundaries, labels, data, unit, colourBy, selected, onSelect, breaks: fixedBreaks, formatValue = (v) => formatNumber(v) }: {
  boundaries: AreaBoundaries;
  /** Texts that may be drawn on an area, longest first; the first that fits inside it is shown. */
  labels: (code: string, name: string) => readonly string[];
} & MapDrawingProps) {
  const isSelected = (code: string) => isSelectedIn(selected, code);
  const [containerRef, size] = useElementSize<HTMLDivElement>();
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const geometry = useMemo(() => mapGeometry(boundaries), [boundaries]);
  const breaks = useMemo(() => fixedBreaks ?? equalBreaks([...data.values()].map((d) => (d.suppressed ? null : d.value))), [data, fixedBreaks]);
  const fit = useMemo(() => (size.width > 0 ? fitGeometry(geometry, size.width, size.height, PADDING_PX) : null), [geometry, size.width, size.height]);
  const areas = useMemo<DrawnArea[]>(() => {
    if (!fit) return [];
    return geometry.shapes.map((shape) => {
      const datum = data.get(shape.code);
      const rgb = mapFill(datum, colourBy, breaks);
      const label = fittingLabel(shape, labels(shape.code, shape.name), fit.scale, (t) => textWidth(t, FONT), FONT_PX);
      return {
        code: shape.code, name: shape.name, path: shape.path, datum, label, mark: mapMark(datum, colourBy, breaks),
        fill: `rgb(${rgb.join(',')})`,
        text: `rgb(${textColourOn(rgb).join(',')})`,
        at: [fit.x + shape.anchor[0] * fit.scale, fit.y + shape.anchor[1] * fit.scale] as const,
      };
    });
  }, [geometry, fit, data, colourBy, breaks, labels]);
  const transform = fit ? `translate(${fit.x} ${fit.y}) scale(${fit.scale})` : undefined;
  const describe = (a: DrawnArea) => describeArea({ name: a.name, shown: a.label?.text ?? null, datum: a.datum, unit, colourBy, formatValue });
  const moveFocus = (from: DrawnArea, key: string) => {
    const direction = ARROW_DIRECTIONS[key];
    if (!direction) return false;
    const target = nearestInDirection(from.at, areas.filter((a) => a.code !== from.code), direction);
    if (target) document.getElementById(`tile-${target.code}`)?.focus();
    return true;
  };
  const outline = (code: string, kind: 'selected' | 'hover' | 'focus') => {
    const area = areas.find((a) => a.code === code);
    if (!area) return null;
    const common = { d: area.path, fill: 'none', vectorEffect: 'non-scaling-stroke', strokeLinejoin: 'round' } as const;
    // A light halo under the dark line keeps the outline visible on the darkest fills too.
    const halo = kind === 'focus' ? FOCUS : kind === 'selected' ? CHART_COLOURS.background : null;
    return (
      <g key={`${kind}-${code}`}>
        {halo && <path {...common} stroke={halo} strokeWidth={kind === 'focus' ? 7 : 5} />}
        <path {...common} stroke={DARK} strokeWidth={kind === 'focus' ? 3 : 2.5} />
      </g>
    );
  };
  const tooltipArea = areas.find((a) => a.code === (focused ?? hovered));
  const select = (code: string) => onSelect?.(code);

  return (
    <figure className="tile-map boundary-map">
      <div className="tile-map__canvas" ref={containerRef}>
        {fit && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map for its area buttons
          <svg className="boundary-map__svg" data-export width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`}
            role="group" aria-label={`Map of London ${boundaries.areaType === 'icb' ? 'ICBs' : 'boroughs'}; use Tab or the arrow keys to move between areas and Enter to select one`}>
            {areas.map((a) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the button role, a name, a pressed state and Enter/Space
              <g key={a.code} id={`tile-${a.code}`} className="tile-map__key boundary-map__area" role="button" tabIndex={0}
                aria-label={describe(a)} aria-pressed={isSelected(a.code)}
                onFocus={(e) => setFocused(e.currentTarget.matches(':focus-visible') ? a.code : null)} onBlur={() => setFocused(null)}
                onMouseEnter={() => setHovered(a.code)} onMouseLeave={() => setHovered(null)}
                onClick={() => select(a.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    select(a.code);
                  } else if (moveFocus(a, e.key)) e.preventDefault();
                }}>
                <path data-code={a.code} d={a.path} transform={transform} fill={a.fill} stroke={EDGE} strokeWidth={1} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
                {a.label && (
                  <text x={a.at[0]} y={a.mark ? a.at[1] - MARK_SHIFT : a.at[1]} fill={a.text} fontFamily="Arial, sans-serif" fontWeight={700} fontSize={FONT_PX} textAnchor="middle" dominantBaseline="central">{a.label.text}</text>
                )}
                <AreaMark mark={a.mark} x={a.at[0]} y={a.label ? a.at[1] + MARK_SHIFT : a.at[1]} colour={a.text} />
              </g>
            ))}
            <g pointerEvents="none" transform={transform}>
              {areas.filter((a) => isSelected(a.code)).map((a) => outline(a.code, 'selected'))}
              {hovered && hovered !== focused && outline(hovered, 'hover')}
              {focused && <g className="boundary-map__focus">{outline(focused, 'focus')}</g>}
            </g>
          </svg>
        )}
      </div>
      {/* Under the map, not over it: a tooltip laid on the map covered its bottom row. */}
      <div className="tile-map__tooltip" role="status">{tooltipArea ? describe(tooltipArea) : ''}</div>
      <figcaption>
        {colourBy === 'value' ? <ValueLegend breaks={breaks} unit={unit} formatValue={formatValue} /> : 'Colours and symbols show the comparison; see the key above.'}
        <span className="boundary-map__attribution">{boundaries.attribution}</span>
      </figcaption>
    </figure>
  );
}
