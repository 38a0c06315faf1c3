import type { MapMark } from './map-datum.ts';
import { VALUE_CLASS_COUNT } from '../theme/colour-scale.ts';

const STEPS_WIDTH = 15;
const STEPS_HEIGHT = 11;

/**
 * A value class drawn as rising bars, as many as the class's rank (1 for the lightest blue, 5 for
 * the darkest), so the map reads without telling the blues apart. SVG content centred on (x, y).
 */
export function StepsGlyph({ count, x, y, colour }: { count: number; x: number; y: number; colour: string }) {
  const bar = STEPS_WIDTH / VALUE_CLASS_COUNT;
  return (
    <g fill={colour} stroke={colour} strokeWidth={0.75}>
      {Array.from({ length: VALUE_CLASS_COUNT }, (_, i) => {
        const h = (STEPS_HEIGHT * (i + 1)) / VALUE_CLASS_COUNT;
        // Bars above the class are outlines, so the glyph shows the scale it is a step of.
        return <rect key={i} x={x - STEPS_WIDTH / 2 + i * bar + 0.5} y={y + STEPS_HEIGHT / 2 - h} width={bar - 1.5} height={h} fillOpacity={i < count ? 1 : 0} />;
      })}
    </g>
  );
}

/** A map mark as a small inline image for HTML (a tile, a legend swatch); hidden from screen readers, whose name says the same. */
export function MarkIcon({ mark, colour }: { mark: MapMark; colour: string }) {
  if (mark === null) return null;
  if (mark.kind === 'symbol') return <span className="map-mark" aria-hidden="true" style={{ color: colour }}>{mark.text}</span>;
  return (
    <svg className="map-mark" aria-hidden="true" width={STEPS_WIDTH + 2} height={STEPS_HEIGHT + 2} viewBox={`0 0 ${STEPS_WIDTH + 2} ${STEPS_HEIGHT + 2}`}>
      <StepsGlyph count={mark.count} x={(STEPS_WIDTH + 2) / 2} y={(STEPS_HEIGHT + 2) / 2} colour={colour} />
    </svg>
  );
}
