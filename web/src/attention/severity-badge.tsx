import type { Severity } from '@pathfinder/metrics';
import { SEVERITY_STYLE } from './severity-style.ts';

/** The severity's icon (decorative: the label beside it says the same). */
export function SeverityIcon({ severity, size = 20 }: { severity: Severity; size?: number }) {
  const { colour, shape } = SEVERITY_STYLE[severity];
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" className="severity-icon">
      {shape === 'triangle' && <><path d="M10 1.5 19 18H1z" fill={colour} /><path d="M10 7v5.5M10 14.5v1.5" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" /></>}
      {shape === 'circle' && <><circle cx="10" cy="10" r="8" fill="none" stroke={colour} strokeWidth="3" /><circle cx="10" cy="10" r="3" fill={colour} /></>}
      {shape === 'arrow' && <path d="M10 2 18 11h-5v7H7v-7H2z" fill={colour} />}
      {shape === 'tick' && <path d="M3 10.5 8 15.5 17 5" fill="none" stroke={colour} strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />}
    </svg>
  );
}

/** Severity as icon and text: "▲ Act". */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-badge severity-badge--${severity}`}>
      <SeverityIcon severity={severity} /> {SEVERITY_STYLE[severity].label}
    </span>
  );
}
