import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ANNOTATION_TEXT_MAX } from '@pathfinder/metrics';
import { addAnnotation, annotationQueries } from '../api/annotation-queries.ts';
import { errorMessage } from '../api/api-problem.ts';
import { sessionQueries } from '../api/queries.ts';

/** Whether the caller may write notes on an area (the API decides; this only spares a form that would be refused). */
const mayWrite = (session: { role: string; icb: string | null }, area: { code: string; parentCode: string | null }) =>
  session.role === 'region' || session.role === 'admin' || (session.role === 'ics' && session.icb !== null && (area.code === session.icb || area.parentCode === session.icb));

/**
 * "Add note" under a trend, for ics users on their own ICB's areas and region and admin users on any:
 * a date, up to 500 characters of plain text, and whether the public sees it. Nothing for others.
 */
export function AddNoteForm({ indicatorId, area }: { indicatorId: string; area: { code: string; name: string; parentCode: string | null } }) {
  const session = useQuery(sessionQueries.caller());
  const client = useQueryClient();
  const id = useId();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [isPublic, setPublic] = useState(false);
  const add = useMutation({
    mutationFn: () => addAnnotation({ indicatorId, areaCode: area.code, date, text, public: isPublic }),
    onSuccess: () => {
      setText('');
      void client.invalidateQueries({ queryKey: annotationQueries.all() });
    },
  });
  if (!session.data || !mayWrite(session.data, area)) return null;
  return (
    <form className="add-note" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
      <h3 className="nhsuk-heading-s" id={`${id}-title`}>Add a note on {area.name}</h3>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-date`}>Date</label>
        <input className="nhsuk-input nhsuk-input--width-10" id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-text`}>Note</label>
        <div className="nhsuk-hint" id={`${id}-hint`}>What happened, for example “outreach clinic opened”. Plain text, up to {ANNOTATION_TEXT_MAX} characters.</div>
        <textarea className="nhsuk-textarea" id={`${id}-text`} rows={3} required maxLength={ANNOTATION_TEXT_MAX} aria-describedby={`${id}-hint`} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="nhsuk-checkboxes nhsuk-form-group">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={`${id}-public`} type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-public`}>Public: everyone sees this note</label>
        </div>
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={add.isPending}>Add note</button>
      <p role="status" className="add-note__status">{add.isSuccess ? 'Note added.' : add.isError ? `The note was not added: ${errorMessage(add.error)}` : ''}</p>
    </form>
  );
}
