import { useEffect, useId, useState } from 'react';
import { formatDate } from '../format/format-date.ts';
import { shiftDate } from './as-of-date.ts';
import { Skeleton } from '../components/panel-error.tsx';

/** The bar's height on a screen wide enough for one row of controls; its placeholder keeps it, so nothing moves when the bar arrives. */
const AS_OF_BAR_HEIGHT = 180;

/** Keeps the bar's place while the campaign's dates load. */
export function AsOfBarPlaceholder() {
  return <div className="as-of-bar__placeholder"><Skeleton label="Loading the campaign’s dates…" height={AS_OF_BAR_HEIGHT} /></div>;
}

/**
 * The campaign's as-of date, at the top of the page: a date input for any day of the campaign and
 * buttons a week back and forward. The date is committed once it is a whole day within range (a
 * partly typed year is not), and `figuresTo` says which day the figures are to when the published
 * weekly grid moved it back.
 */
export function AsOfBar({ value, min, max, figuresTo, weekEndsOn, onChange }: {
  /** The day asked for (the latest when none is). */
  value: string;
  min: string;
  max: string;
  /** The last day counted in the answer shown; undefined while it loads. */
  figuresTo: string | undefined;
  weekEndsOn: string;
  /** undefined: the latest. */
  onChange: (date: string | undefined) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (date: string) => onChange(date >= max ? undefined : date);
  const outOfRange = draft !== '' && (draft < min || draft > max);
  return (
    <section className="as-of-bar" aria-label="Date of the figures" style={{ minHeight: AS_OF_BAR_HEIGHT }}>
      <div className="nhsuk-form-group field as-of-bar__date">
        <label className="nhsuk-label" htmlFor={id}>Figures as of</label>
        <span className="nhsuk-hint" id={`${id}-hint`}>Any day from {formatDate(min)} to {formatDate(max)}</span>
        <input className="nhsuk-input" type="date" id={id} min={min} max={max} value={draft} aria-describedby={`${id}-hint${outOfRange ? ` ${id}-error` : ''}`} aria-invalid={outOfRange}
          onChange={(e) => {
            const next = e.target.value;
            setDraft(next);
            if (/^\d{4}-\d{2}-\d{2}$/.test(next) && next >= min && next <= max) commit(next);
          }} />
        {outOfRange && <span className="as-of-bar__error" id={`${id}-error`}>Choose a day from {formatDate(min)} to {formatDate(max)}.</span>}
      </div>
      <div className="as-of-bar__steps">
        <button type="button" className="nhsuk-button nhsuk-button--secondary as-of-bar__step" disabled={value <= min} onClick={() => commit(shiftDate(value, -7, min, max))}>
          <span aria-hidden="true">← </span>Previous week
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary as-of-bar__step" disabled={value >= max} onClick={() => commit(shiftDate(value, 7, min, max))}>
          Next week<span aria-hidden="true"> →</span>
        </button>
        {value < max && <button type="button" className="link-button as-of-bar__latest" onClick={() => onChange(undefined)}>Latest</button>}
      </div>
      <p className="as-of-bar__status" role="status" data-testid="figures-to">
        {figuresTo === undefined ? 'Loading…'
          : figuresTo === value ? <>Figures to the end of <strong>{formatDate(figuresTo)}</strong>.</>
          : <>Figures to the end of <strong>{formatDate(figuresTo)}</strong>: published weekly figures end on a {weekEndsOn}, the last on or before {formatDate(value)}.</>}
      </p>
    </section>
  );
}
