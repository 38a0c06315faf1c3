import { useId } from 'react';
import { DOMAINS } from '@pathfinder/metrics';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { DOMAIN_LABELS } from './domain-labels.ts';
import { useNavigate } from '@tanstack/react-router';

/** Switch indicator among those the release shown has, keeping the rest of the view's state (period falls back to latest). */
export function IndicatorPicker({ current }: { current: string }) {
  const id = useId();
  const navigate = useNavigate({ from: '/indicators/$id' });
  const { indicators } = useChosenRelease().offer;
  return (
    <div className="nhsuk-form-group field field--wide">
      <label className="nhsuk-label" htmlFor={id}>Indicator</label>
      <select className="nhsuk-select" id={id} value={current} onChange={(e) => void navigate({ to: '/indicators/$id', params: { id: e.target.value }, search: ({ period: _period, ...kept }) => kept })}>
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
