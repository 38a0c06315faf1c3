import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Icb, Indicator } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import type { FunnelData } from '../api/api-types.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries } from '../api/queries.ts';
import { significanceLabel } from '../charts/funnel-significance.ts';
import { DataTable, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob, slug } from '../components/download.ts';
import { IndicatorSelect } from '../components/indicator-select.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { formatCount, formatWithUnit } from '../format/format-number.ts';
import { PRACTICE_INDICATORS } from '../views/practice-indicators.ts';
import { practiceOutliers } from './practice-outliers.ts';

type FunnelPoint = FunnelData['points'][number];

/**
 * The practices of an ICB outside the 99.8% funnel limits for one indicator (GET /indicators/{id}/funnel):
 * only for callers who may see the ICB's practices (`icbs`), so nothing is asked that would be refused.
 */
export function PracticeOutliersPanel({ icbs, icb: wantedIcb, indicator: wantedIndicator, onChange }: {
  icbs: readonly Icb[];
  icb: string | undefined;
  indicator: string;
  onChange: (patch: { icb?: string; indicator?: string }) => void;
}) {
  const headingId = useId();
  const { offer } = useChosenRelease();
  const indicators = PRACTICE_INDICATORS.filter((i) => offer.hasIndicator(i.id));
  const icb = icbs.find((i) => i.code === wantedIcb) ?? icbs[0]!;
  const indicator = indicators.find((i) => i.id === wantedIndicator) ?? indicators[0];
  if (!offer.practices || !indicator) return null;
  return (
    <section className="panel practice-outliers" aria-labelledby={headingId}>
      <h2 id={headingId}>Practice outliers in {icb.shortName}</h2>
      <p className="chart-panel__description">GP practices whose value lies outside the 99.8% limits of the funnel plot around the average of the ICB’s practices: further from it than chance would explain.</p>
      <div className="controls">
        {icbs.length > 1 && <SelectField label="ICB" value={icb.code} options={icbs.map((i) => ({ value: i.code, label: i.shortName }))} onChange={(code) => onChange({ icb: code })} />}
        <IndicatorSelect value={indicator.id} indicators={indicators} onChange={(id) => onChange({ indicator: id })} />
      </div>
      <Outliers key={`${icb.code}|${indicator.id}`} icb={icb} indicator={indicator} />
    </section>
  );
}

function Outliers({ icb, indicator }: { icb: Icb; indicator: Indicator }) {
  const funnel = useQuery({ ...indicatorQueries(useChosenRelease().release.id).funnel(indicator.id, { parent: icb.code, period: 'latest' }), retry: retryUnlessRefused });
  if (funnel.isPending) return <Skeleton label="Loading practices…" height={240} />;
  if (funnel.isError) return <PanelError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  const { points, baseline, period } = funnel.data;
  const outliers = practiceOutliers(points, baseline);
  const title = `Practices outside the 99.8% limits: ${indicator.shortName}, ${icb.shortName}, ${period ?? ''}`;
  const columns: Column<FunnelPoint>[] = [
    { key: 'code', header: 'Practice code', value: (p) => p.areaCode },
    { key: 'name', header: 'Practice', value: (p) => p.areaName },
    { key: 'value', header: `Value (${indicator.unit})`, value: (p) => p.value, numeric: true },
    { key: 'denominator', header: 'Denominator', value: (p) => p.denominator, numeric: true, render: (p) => formatCount(p.denominator) },
    { key: 'significance', header: 'Funnel plot', value: (p) => significanceLabel(p.significance, indicator.polarity) },
  ];
  return (
    <>
      <div className="chart-panel__head">
        <p>
          {formatCount(outliers.length)} of {formatCount(points.length)} practices {outliers.length === 1 ? 'is' : 'are'} outside the 99.8% limits in {period ?? 'the latest period'}
          {baseline !== null && ` (average ${formatWithUnit(baseline, indicator.unit)})`}.{' '}
          <Link to="/practices" search={{ icb: icb.code, indicator: indicator.id }}>Open the funnel plot</Link>
        </p>
        {outliers.length > 0 && (
          <div className="chart-panel__actions">
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(columns, outliers)], { type: 'text/csv' }), `${slug(title)}.csv`)}>Download CSV</button>
          </div>
        )}
      </div>
      {outliers.length > 0 && <DataTable caption={title} captionHidden columns={columns} rows={outliers} rowKey={(p) => p.areaCode} />}
    </>
  );
}
