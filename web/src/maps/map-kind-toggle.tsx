import { useId } from 'react';
import type { MapKind } from '@pathfinder/metrics';

const OPTIONS: readonly { kind: MapKind; label: string }[] = [
  { kind: 'boundaries', label: 'Boundaries' },
  { kind: 'tiles', label: 'Tile grid' },
];

/** "Map: Boundaries | Tile grid" as native radio buttons: one Tab stop, arrow keys choose. */
export function MapKindToggle({ kind, onChange }: { kind: MapKind; onChange: (kind: MapKind) => void }) {
  const name = useId();
  return (
    <fieldset className="nhsuk-fieldset map-kind">
      <legend className="nhsuk-fieldset__legend map-kind__legend">Map</legend>
      <div className="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
      {OPTIONS.map((o) => (
          <div key={o.kind} className="nhsuk-radios__item">
            <input className="nhsuk-radios__input" id={`${name}-${o.kind}`} type="radio" name={name} value={o.kind} checked={kind === o.kind} onChange={() => onChange(o.kind)} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${o.kind}`}>{o.label}</label>
          </div>
      ))}
      </div>
    </fieldset>
  );
}
