import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { MarkIcon } from '../maps/map-mark.tsx';

const SHOWN = ['much-better', 'better', 'similar', 'worse', 'much-worse', 'higher', 'lower', 'not-compared'] as const;

/** Key to the comparison colours and symbols, shared by the overview, maps and charts. */
export function ComparisonLegend() {
  return (
    <ul className="legend" aria-label="Key to comparison colours">
      {[...SHOWN.map((k) => COMPARISON_STYLE[k]), SUPPRESSED_STYLE].map((s) => (
        <li key={s.label}>
          <span className="legend__swatch" style={{ background: s.fill, color: s.text }} aria-hidden="true"><MarkIcon mark={{ kind: 'symbol', text: s.symbol }} colour={s.text} /></span>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
