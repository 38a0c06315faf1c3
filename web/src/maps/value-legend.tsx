import { SEQUENTIAL_BLUES, textColourOn } from '../theme/colour-scale.ts';
import { MarkIcon } from './map-mark.tsx';

/** The key of a map coloured by value: one swatch per class of the sequential palette, with the class's bars as on the map. */
export function ValueLegend({ breaks, unit, formatValue }: { breaks: readonly number[]; unit: string; formatValue: (value: number) => string }) {
  if (breaks.length === 0) return null;
  return (
    <ul className="legend" aria-label={`Colour key (${unit})`}>
      {SEQUENTIAL_BLUES.map((rgb, i) => (
        <li key={rgb.join(',')}>
          <span className="legend__swatch" style={{ background: `rgb(${rgb.join(',')})` }} aria-hidden="true">
            <MarkIcon mark={{ kind: 'steps', count: i + 1 }} colour={`rgb(${textColourOn(rgb).join(',')})`} />
          </span>
          {i === 0 ? `below ${formatValue(breaks[0]!)}` : i === SEQUENTIAL_BLUES.length - 1 ? `${formatValue(breaks[i - 1]!)} and above` : `${formatValue(breaks[i - 1]!)} to ${formatValue(breaks[i]!)}`}
        </li>
      ))}
    </ul>
  );
}
