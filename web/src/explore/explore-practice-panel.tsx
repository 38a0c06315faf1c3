import { useId, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BOROUGHS, exploreBoroughs, type ExploreFilter, type ExplorePracticeRow } from '@pathfinder/metrics';
import { DataTable, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob, slug } from '../components/download.ts';
import { PanelError } from '../components/panel-error.tsx';
import { detailBoroughs, useExploreDetail } from './explore-detail.ts';
import { exploreQueries } from './explore-queries.ts';
import type { ExploreData } from './load-explore-data.ts';
import { uptakeDatum, type UptakeDatum } from './uptake-datum.ts';
import { formatCount, formatNumber, MISSING } from '../format/format-number.ts';

const BOROUGH_NAME = new Map(BOROUGHS.map((b) => [b.code, b.name]));

interface PracticeUptake extends UptakeDatum {
  readonly pcn: string | null;
  readonly borough: string;
}

const columns: Column<PracticeUptake>[] = [
  { key: 'practice', header: 'Practice', value: (r) => r.key },
  { key: 'pcn', header: 'PCN', value: (r) => r.pcn },
  { key: 'borough', header: 'Borough', value: (r) => BOROUGH_NAME.get(r.borough) ?? r.borough },
  { key: 'doses', header: 'Doses', value: (r) => r.doses, numeric: true, render: (r) => formatCount(r.doses) },
  { key: 'eligible', header: 'Eligible children (estimated)', value: (r) => Math.round(r.eligible), numeric: true, render: (r) => formatCount(r.eligible) },
  { key: 'value', header: 'Uptake (%)', value: (r) => r.value, numeric: true, render: (r) => (r.value === null ? r.note ?? MISSING : formatNumber(r.value)) },
  { key: 'lower95', header: 'Lower 95% CI', value: (r) => r.lower95, numeric: true },
  { key: 'upper95', header: 'Upper 95% CI', value: (r) => r.upper95, numeric: true },
];

/**
 * The drill-down to GP practices: for a token, the practice × week detail of the selected boroughs
 * (all of its scope when none is selected) is downloaded when asked for (`requested`, kept in the
 * URL) and each practice's estimated uptake listed; the public is told the cube stops at boroughs.
 */
export function ExplorePracticePanel({ data, filter, dose, requested, onRequest }: {
  data: ExploreData;
  filter: ExploreFilter;
  dose: { label: string; dueDays: number };
  requested: boolean;
  onRequest: () => void;
}) {
  const headingId = useId();
  const selected = exploreBoroughs(filter);
  const wanted = detailBoroughs(data.boroughs, filter);
  const detail = useExploreDetail(data.detail);
  const scoped = data.level !== 'public';
  const loading = useQuery({ ...exploreQueries.detail(data, wanted), enabled: scoped && requested && wanted.length > 0 });
  const loaded = loading.data;
  const practices = useQuery({ ...exploreQueries.practices(data, filter, dose.dueDays, loaded ?? []), enabled: loaded !== undefined });
  const rows = useMemo(() => (practices.data ?? []).map((r: ExplorePracticeRow): PracticeUptake => ({ ...uptakeDatum({ key: r.practice_code, doses: r.doses, eligible: r.eligible }, r.practice_code), pcn: r.pcn_code, borough: r.borough_code })), [practices.data]);
  const title = `Uptake by GP practice: ${dose.label}`;
  const where = selected.length > 0 ? `${wanted.length} selected borough${wanted.length === 1 ? '' : 's'}` : data.level === 'all' ? 'all of London' : 'your ICB';
  return (
    <section className="panel explore-practices" aria-labelledby={headingId} data-testid="explore-practices">
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        {practices.isSuccess && rows.length > 0 && (
          <div className="chart-panel__actions">
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(columns, rows)], { type: 'text/csv' }), `${slug(title)}.csv`)}>Download CSV</button>
          </div>
        )}
      </div>
      {!scoped ? (
        <p className="chart-panel__description">
          The public data stops at boroughs. Practice × week detail is for NHS analysts with an <strong>ICS</strong> access token (their own ICB) or a <strong>regional</strong> one
          (every London practice): choose <strong>Use an access token</strong> in the header.
        </p>
      ) : wanted.length === 0 ? (
        <p className="chart-panel__description">None of the selected boroughs is in your token’s scope, so there are no practices to show.</p>
      ) : !requested ? (
        <>
          <p className="chart-panel__description">
            The views above use the borough × month cube. Practice × week detail for {where} ({wanted.length} borough{wanted.length === 1 ? '' : 's'}) is downloaded only when you ask;
            {selected.length === 0 && data.level === 'all' ? ' all of London is large, so select boroughs or an ICB first for a quicker load.' : ' a borough takes a few seconds.'}
          </p>
          <button type="button" className="nhsuk-button nhsuk-button--small" onClick={onRequest}>Load practice detail for {where}</button>
        </>
      ) : loading.isError ? (
        <PanelError error={loading.error} onRetry={() => void loading.refetch()} />
      ) : practices.isError ? (
        <PanelError error={practices.error} onRetry={() => void practices.refetch()} />
      ) : !practices.isSuccess ? (
        <p role="status" className="chart-panel__description">{detail.loading ?? 'Querying the practice detail…'}</p>
      ) : (
        <>
          <p className="chart-panel__description">
            Estimated uptake per practice of {where} for the selected period and quintiles (a week counts in the period when its Monday does), with 95% confidence intervals (Wilson).
            Select a column heading to sort.
          </p>
          <DataTable caption={title} captionHidden columns={columns} rows={rows} rowKey={(r) => r.key} initialSort={{ key: 'value' }} firstRows={25} />
        </>
      )}
    </section>
  );
}
