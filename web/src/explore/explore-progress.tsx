import { useId } from 'react';
import { useLoadProgress } from './load-progress.ts';
import { formatMegabytes } from '../format/format-number.ts';

/** The loading steps of Explore as a labelled progress bar: DuckDB, each extract's bytes, then loading into DuckDB. */
export function ExploreProgress() {
  const progress = useLoadProgress();
  const id = useId();
  const bytes = progress.loaded !== null ? (progress.total ? ` ${formatMegabytes(progress.loaded)} of ${formatMegabytes(progress.total)} MB` : ` ${formatMegabytes(progress.loaded)} MB`) : '';
  return (
    <div className="panel explore-progress" role="status">
      <label className="nhsuk-label" htmlFor={id}>{progress.label}{bytes ? `:${bytes}` : '…'}</label>
      {progress.loaded !== null && progress.total ? <progress id={id} value={progress.loaded} max={progress.total} /> : <progress id={id} />}
      <p className="nhsuk-hint">Explore runs DuckDB in your browser over the extract your access allows; nothing leaves this tab.</p>
    </div>
  );
}
