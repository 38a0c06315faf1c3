import type { MapMark } from './map-datum.ts';
import { VALUE_CLASS_COUNT } from '../theme/colour-scale.ts';

const STEPS_WIDTH = 15;
const STEPS_HEIGHT = 11;
const BAR_RANKS = Array.from({ length: VALUE_CLASS_COUNT }, (_, i) => i);

/**
 * A value class drawn as rising bars, as many as the class's rank (1 for the lightest blue, 5 for
 * the darkest), so the map reads without telling the blues apart. SVG content centred on (x, y).
 */
export function StepsGlyph({ count, x, y, colour }: { count: number; x: number; y: number; colour: string }) {
  const bar = STEPS_WIDTH / VALUE_CLASS_COUNT;
  return (
    <g fill={colour} stroke={colour} strokeWidth={0.75}>
      {BAR_RANKS.map((i) => {
        const h = (STEPS_HEIGHT * (i + 1)) / VALUE_CLASS_COUNT;
        // Bars above the class are outlines, so the glyph shows the scale it is a step of.
        return <rect key={`bar-${i}`} x={x - STEPS_WIDTH / 2 + i * bar + 0.5} y={y + STEPS_HEIGHT / 2 - h} width={bar - 1.5} height={h} fillOpacity={i < count ? 1 : 0} />;
      })}
    </g>
  );
}

const GLYPH = 8;

/** One character of a comparison symbol as a shape: filled or outline triangles, a dot, a dash; anything else as text. */
function SymbolShape({ char, x, y, colour }: { char: string; x: number; y: number; colour: string }) {
  const h = GLYPH / 2;
  const up = `M${x} ${y - h} L${x + h} ${y + h} L${x - h} ${y + h}Z`;
  const down = `M${x - h} ${y - h} L${x + h} ${y - h} L${x} ${y + h}Z`;
  switch (char) {
    case '▲': return <path d={up} fill={colour} />;
    case '△': return <path d={up} fill="none" stroke={colour} strokeWidth={1.25} strokeLinejoin="round" />;
    case '▼': return <path d={down} fill={colour} />;
    case '▽': return <path d={down} fill="none" stroke={colour} strokeWidth={1.25} strokeLinejoin="round" />;
    case '●': return <circle cx={x} cy={y} r={h} fill={colour} />;
    case '–': return <path d={`M${x - h} ${y} H${x + h}`} stroke={colour} strokeWidth={1.5} />;
    default: return <text x={x} y={y + 1} fill={colour} fontFamily="Arial, sans-serif" fontSize={11} fontWeight={700} textAnchor="middle" dominantBaseline="central">{char}</text>;
  }
}

/**
 * A comparison symbol (▲▲, △, ●…) drawn as shapes centred on (x, y): not every font has the
 * geometric-shapes glyphs (the browser tests' has none), and a missing glyph would leave colour
 * the only cue again.
 */
export function SymbolGlyph({ symbol, x, y, colour }: { symbol: string; x: number; y: number; colour: string }) {
  const chars = [...symbol];
  const step = GLYPH + 2;
  // A symbol repeats a character (▲▲): the position is the only key it has.
  // biome-ignore lint/suspicious/noArrayIndexKey: the characters of a fixed string, never reordered
  return <g>{chars.map((char, i) => <SymbolShape key={i} char={char} x={x + (i - (chars.length - 1) / 2) * step} y={y} colour={colour} />)}</g>;
}

/** A map mark as a small inline image for HTML (a tile, a legend swatch); hidden from screen readers, whose name says the same. */
export function MarkIcon({ mark, colour }: { mark: MapMark; colour: string }) {
  if (mark === null) return null;
  if (mark.kind === 'symbol') {
    const width = [...mark.text].length * (GLYPH + 2) + 2;
    return (
      <svg className="map-mark" aria-hidden="true" width={width} height={GLYPH + 4} viewBox={`0 0 ${width} ${GLYPH + 4}`}>
        <SymbolGlyph symbol={mark.text} x={width / 2} y={(GLYPH + 4) / 2} colour={colour} />
      </svg>
    );
  }
  return (
    <svg className="map-mark" aria-hidden="true" width={STEPS_WIDTH + 2} height={STEPS_HEIGHT + 2} viewBox={`0 0 ${STEPS_WIDTH + 2} ${STEPS_HEIGHT + 2}`}>
      <StepsGlyph count={mark.count} x={(STEPS_WIDTH + 2) / 2} y={(STEPS_HEIGHT + 2) / 2} colour={colour} />
    </svg>
  );
}
