import { formatNumber } from '../components/data-table.tsx';
import { describeUptake, type UptakeDatum } from './uptake-datum.ts';

/** The selection in one line of figures: doses, estimated eligible children and uptake with its CI. */
export function ExploreSummary({ overall, description, rows, cubeRows }: { overall: UptakeDatum | undefined; description: string; rows: number; cubeRows: number }) {
  return (
    <section className="panel explore-summary" aria-label="Selection summary">
      <p className="explore-summary__what">{description}</p>
      <dl className="explore-summary__figures" aria-live="polite">
        <div><dt>Doses</dt><dd>{overall ? formatNumber(overall.doses, 0) : '…'}</dd></div>
        <div><dt>Eligible children (estimated)</dt><dd>{overall ? formatNumber(overall.eligible, 0) : '…'}</dd></div>
        <div><dt>Uptake</dt><dd>{overall ? describeUptake(overall) : '…'}</dd></div>
        <div><dt>Extract rows loaded</dt><dd>{formatNumber(rows, 0)}</dd></div>
        <div><dt>Rows the views query</dt><dd>{formatNumber(cubeRows, 0)}</dd></div>
      </dl>
    </section>
  );
}
