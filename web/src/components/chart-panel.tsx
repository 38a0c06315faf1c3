import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { exportChart } from './chart-export.ts';
import { formatDate } from '../format/format-date.ts';
import { DataTable, tableCsv, type Column } from './data-table.tsx';
import { downloadBlob, slug } from './download.ts';
import { sourceCredit, sourcesOf } from './release-sources.tsx';
import { ChartNameContext, keepChartLayersOutOfTabOrder } from './chart-name.ts';

/**
 * A chart with everything around it: title, a data-table toggle (the table holds exactly the
 * plotted rows), CSV of those rows, and PNG/SVG export with title, source, data-as-at and the
 * licence and attribution of the release's sources of the figures (those of `indicators` when given).
 */
export function ChartPanel<R extends RowData>({ title, description, source, indicators, columns, rows, rowKey, children, tableFirst = false }: {
  title: string;
  description?: ReactNode;
  source: string;
  /** The catalogue indicators plotted, whose sources the chart credits; default every source of the release. */
  indicators?: readonly string[];
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  children: ReactNode;
  tableFirst?: boolean;
}) {
  const [showTable, setShowTable] = useState(tableFirst);
  const chartRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => (!showTable && chartRef.current ? keepChartLayersOutOfTabOrder(chartRef.current) : undefined), [showTable]);
  const { release } = useChosenRelease();
  const credited = sourcesOf(release, indicators);
  const caption = { title, source, dataAsAt: release.dataAsAt, synthetic: release.synthetic, credits: credited.map(sourceCredit) };
  const licences = [...new Set(credited.map((s) => s.licence))];
  return (
    <section className="panel chart-panel" aria-labelledby={headingId}>
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-panel__actions">
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
            {showTable ? 'Show chart' : 'Show data table'}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(columns, rows)], { type: 'text/csv' }), `${slug(title)}.csv`)}>
            Download CSV
          </button>
          {!showTable && (
            <>
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => chartRef.current && void exportChart(chartRef.current, caption, 'png')}>PNG</button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => chartRef.current && void exportChart(chartRef.current, caption, 'svg')}>SVG</button>
            </>
          )}
        </div>
      </div>
      {description && <div className="chart-panel__description" id={`${headingId}-description`}>{description}</div>}
      {showTable ? (
        <DataTable caption={title} columns={columns} rows={rows} rowKey={rowKey} captionHidden />
      ) : (
        <ChartNameContext.Provider value={{ labelledBy: headingId, describedBy: description ? `${headingId}-description ${headingId}-table-hint` : `${headingId}-table-hint` }}>
          <p id={`${headingId}-table-hint`} className="visually-hidden">Chart. Its figures are in the data table: Show data table.</p>
          <div ref={chartRef} className="chart-panel__chart">{children}</div>
        </ChartNameContext.Provider>
      )}
      <p className="chart-panel__source">Source: {source}. Data as at {formatDate(caption.dataAsAt)}.{caption.synthetic ? ' Synthetic data, not real NHS figures.' : ''}{licences.length > 0 && ` ${credited.map((s) => s.publisher).join('; ')}, ${licences.join('; ')}.`}</p>
    </section>
  );
}
