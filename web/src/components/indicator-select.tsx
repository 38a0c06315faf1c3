import { useId } from 'react';
import { DOMAINS, type Indicator } from '@pathfinder/metrics';
import { DOMAIN_LABELS } from './domain-labels.ts';

/** A labelled select of the given indicators, grouped by domain; a placeholder when the current id is not among them. */
export function IndicatorSelect({ label = 'Indicator', value, indicators, onChange, hint, wide = false }: { label?: string; value: string; indicators: readonly Indicator[]; onChange: (id: string) => void; hint?: string; wide?: boolean }) {
  const id = useId();
  const known = indicators.some((i) => i.id === value);
  return (
    <div className={`nhsuk-form-group field${wide ? ' field--wide' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <span className="nhsuk-hint" id={`${id}-hint`}>{hint}</span>}
      <select className="nhsuk-select" id={id} value={known ? value : ''} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {!known && <option value="" disabled>Choose an indicator</option>}
        {DOMAINS.map((d) => {
          const inDomain = indicators.filter((i) => i.domain === d);
          return inDomain.length === 0 ? null : (
            <optgroup key={d} label={DOMAIN_LABELS[d]}>
              {inDomain.map((i) => <option key={i.id} value={i.id}>{i.shortName}</option>)}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
