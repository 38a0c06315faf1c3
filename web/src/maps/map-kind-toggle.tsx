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
    <fieldset className="map-kind">
      <legend>Map</legend>
      {OPTIONS.map((o) => (
        <label key={o.kind} className="map-kind__option">
          <input type="radio" name={name} value={o.kind} checked={kind === o.kind} onChange={() => onChange(o.kind)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
