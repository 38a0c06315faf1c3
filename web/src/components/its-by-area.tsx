import { useQuery } from '@tanstack/react-query';
import type { AreaType, Indicator } from '@pathfinder/metrics';
import type { ItsAreaData } from '../api/api-types.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries } from '../api/queries.ts';
import { changeUnit, periodNoun } from '../charts/its-sentence.ts';
import { formatNumber, MISSING } from '../format/format-number.ts';
import { DataTable, type Column } from './data-table.tsx';
import { PanelError, Skeleton } from './panel-error.tsx';

const interval = (c: { lower95: number; upper95: number } | null, digits: number) => (c ? `${formatNumber(c.lower95, digits)} to ${formatNumber(c.upper95, digits)}` : null);

/** What a row says beside its numbers: why it was not fitted, or its warnings, or that its CIs include zero. */
function rowNote(r: ItsAreaData): string | null {
  if (!r.fitted) return `Not fitted: ${r.reason}`;
  const notes: string[] = r.warnings.map((w) => (w.code === 'short_segment' ? 'few periods' : 'autocorrelated residuals'));
  if (r.dropped.length > 0) notes.push(`${r.dropped.length} period${r.dropped.length > 1 ? 's' : ''} without a value left out`);
  return notes.length > 0 ? `Caution: ${notes.join('; ')}` : null;
}

/**
 * The interrupted time series at one intervention for every area of the page's level the caller may
 * see (GET …/its): level and slope change with 95% CIs, and areas that cannot be fitted with the reason.
 */
export function ItsByArea({ indicator, areaType, intervention }: { indicator: Indicator; areaType: AreaType; intervention: string }) {
  const its = useQuery(indicatorQueries(useChosenRelease().release.id).its(indicator.id, { areaType, intervention }));
  const level = areaType === 'icb' ? 'ICB' : 'borough';
  const title = `Effect of the intervention at ${intervention}, by ${level}`;
  if (its.isPending) return <Skeleton label={`Loading the effect by ${level}…`} height={400} />;
  if (its.isError) return <PanelError error={its.error} onRetry={() => void its.refetch()} />;
  const unit = changeUnit(indicator.unit);
  const period = periodNoun(indicator.frequency);
  const columns: Column<ItsAreaData>[] = [
    { key: 'area', header: 'Area', value: (r) => r.area.name },
    { key: 'level', header: 'Level change', value: (r) => r.levelChange?.estimate ?? null, numeric: true },
    { key: 'levelCi', header: 'Level 95% CI', value: (r) => interval(r.levelChange, 1), render: (r) => <span className="nowrap">{interval(r.levelChange, 1) ?? MISSING}</span> },
    { key: 'slope', header: `Slope change per ${period}`, value: (r) => r.slopeChange?.estimate ?? null, numeric: true, render: (r) => formatNumber(r.slopeChange?.estimate, 2) },
    { key: 'slopeCi', header: 'Slope 95% CI', value: (r) => interval(r.slopeChange, 2), render: (r) => <span className="nowrap">{interval(r.slopeChange, 2) ?? MISSING}</span> },
    { key: 'periods', header: 'Periods before, after', value: (r) => (r.fitted ? `${r.before}, ${r.after}` : null) },
    { key: 'note', header: 'Note', value: rowNote },
  ];
  return (
    <section className="its-by-area" aria-labelledby="its-by-area-title">
      <h2 className="nhsuk-heading-m" id="its-by-area-title">{title}</h2>
      <p>Each area’s own series fitted with the same model as the trend above. {unit ? `Changes are in ${unit}, ` : 'Changes are '}against the pre-intervention trend; a 95% CI that includes zero means the change is not distinguishable from none.</p>
      <DataTable caption={title} captionHidden columns={columns} rows={its.data.areas} rowKey={(r) => r.area.code} initialSort={{ key: 'level' }} />
    </section>
  );
}
