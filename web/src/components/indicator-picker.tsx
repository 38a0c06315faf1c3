import { useId } from 'react';
import { DOMAINS, INDICATORS } from '@pathfinder/metrics';
import { useNavigate } from '@tanstack/react-router';

/** Switch indicator, keeping the rest of the view's state (period falls back to latest). */
export function IndicatorPicker({ current }: { current: string }) {
  const id = useId();
  const navigate = useNavigate({ from: '/indicators/$id' });
  return (
    <div className="nhsuk-form-group field field--wide">
      <label className="nhsuk-label" htmlFor={id}>Indicator</label>
      <select className="nhsuk-select" id={id} value={current} onChange={(e) => void navigate({ to: '/indicators/$id', params: { id: e.target.value }, search: ({ period: _period, ...kept }) => kept })}>
        {DOMAINS.map((d) => (
          <optgroup key={d} label={d[0]!.toUpperCase() + d.slice(1)}>
            {INDICATORS.filter((i) => i.domain === d).map((i) => <option key={i.id} value={i.id}>{i.shortName}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
