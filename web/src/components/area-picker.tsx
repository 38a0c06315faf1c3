import { useId } from 'react';
import { LONDON_AREA_GROUPS, isLondonArea } from './london-areas.ts';

/** A labelled select of London, its ICBs and its boroughs, grouped by level. */
export function AreaPicker({ label = 'Area', value, onChange }: { label?: string; value: string; onChange: (code: string) => void }) {
  const id = useId();
  return (
    <div className="nhsuk-form-group field">
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      <select className="nhsuk-select" id={id} value={isLondonArea(value) ? value : ''} onChange={(e) => onChange(e.target.value)}>
        {!isLondonArea(value) && <option value="" disabled>Choose an area</option>}
        {LONDON_AREA_GROUPS.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.areas.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
