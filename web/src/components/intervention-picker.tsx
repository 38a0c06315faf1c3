import { useId } from 'react';
import type { InterventionPreset } from '../charts/intervention-presets.ts';

const NONE = '';
// A preset's option has its own value: several dates may fall in one period, and a shared value would
// show the first of them as chosen. Once chosen, the select shows the period (what the URL keeps).
const PRESET = 'preset:';

/**
 * "Mark an intervention" on a trend: no intervention, a campaign's key date or a note (each mapped to
 * the period holding it), or any period of the series. The value is the first post-intervention period.
 */
export function InterventionPicker({ value, periods, presets, onChange }: { value: string | undefined; periods: readonly string[]; presets: readonly InterventionPreset[]; onChange: (period: string | undefined) => void }) {
  const id = useId();
  const groups = new Map<string, (InterventionPreset & { index: number })[]>();
  presets.forEach((p, i) => {
    groups.set(p.group, [...(groups.get(p.group) ?? []), { ...p, index: i }]);
  });
  const choose = (value: string) => onChange(value === NONE ? undefined : value.startsWith(PRESET) ? presets[Number(value.slice(PRESET.length))]?.period : value);
  return (
    <div className="nhsuk-form-group field intervention-picker">
      <label className="nhsuk-label" htmlFor={id}>Mark an intervention</label>
      <span className="nhsuk-hint" id={`${id}-hint`}>The period it falls in starts the post-intervention segment of an interrupted time series.</span>
      <select className="nhsuk-select" id={id} aria-describedby={`${id}-hint`} value={value ?? NONE} onChange={(e) => choose(e.target.value)}>
        <option value={NONE}>No intervention marked</option>
        {[...groups].map(([group, list]) => (
          <optgroup key={group} label={group === 'Notes' ? 'Notes on this area' : `Key dates: ${group}`}>
            {list.map((p) => <option key={p.index} value={`${PRESET}${p.index}`}>{`${p.date}: ${p.label} (${p.period})`}</option>)}
          </optgroup>
        ))}
        <optgroup label="Any period">
          {periods.map((p) => <option key={p} value={p}>{p}</option>)}
          {value !== undefined && !periods.includes(value) && <option value={value}>{`${value} (not a period of this trend)`}</option>}
        </optgroup>
      </select>
    </div>
  );
}
