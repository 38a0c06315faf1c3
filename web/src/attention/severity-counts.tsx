import { SEVERITIES, type Severity } from '@pathfinder/metrics';
import { formatCount } from '../format/format-number.ts';
import { SeverityIcon } from './severity-badge.tsx';
import { SEVERITY_STYLE } from './severity-style.ts';

/** Items per severity, most urgent first, each with its icon, label and meaning. */
export function SeverityCounts({ counts }: { counts: Readonly<Record<Severity, number>> }) {
  return (
    <ul className="severity-counts" aria-label="Items by severity" data-testid="severity-counts">
      {SEVERITIES.map((s) => (
        <li key={s} className={`severity-counts__item severity-counts__item--${s}`}>
          <SeverityIcon severity={s} size={24} />
          <span className="severity-counts__number">{formatCount(counts[s])}</span>
          <span className="severity-counts__label">{SEVERITY_STYLE[s].label}</span>
          <span className="severity-counts__meaning">{SEVERITY_STYLE[s].meaning}</span>
        </li>
      ))}
    </ul>
  );
}
