import { useId } from 'react';

/** A labelled native select: keyboard and screen-reader friendly by default. */
export function SelectField<V extends string>({ label, value, options, onChange, hint }: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (v: V) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="nhsuk-form-group field">
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <span className="nhsuk-hint" id={`${id}-hint`}>{hint}</span>}
      <select className="nhsuk-select" id={id} value={value} onChange={(e) => onChange(e.target.value as V)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
