import { useId, useMemo } from 'react';
import type { ExploreFilter, ExploreUptakeRow } from '@pathfinder/metrics';
import { InequalityChart } from '../charts/inequality-chart.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import { QUINTILES } from './explore-state.ts';
import { uptakeColumns } from './uptake-columns.ts';
import { uptakeDatum, type UptakeDatum } from './uptake-datum.ts';

/** "1 (most deprived)" … "5 (least deprived)". */
export const quintileLabel = (q: number) => (q === 1 ? '1 (most deprived)' : q === 5 ? '5 (least deprived)' : String(q));

/**
 * The deprivation-quintile picker and estimated uptake per quintile (for every quintile, so the
 * picker's effect stays visible); ticking none means all quintiles.
 */
export function ExploreQuintilePanel({ uptake, filter, doseLabel, overall, onToggle }: {
  uptake: readonly ExploreUptakeRow[];
  filter: ExploreFilter;
  doseLabel: string;
  overall: UptakeDatum | undefined;
  onToggle: (quintile: number) => void;
}) {
  const id = useId();
  const rows = useMemo(() => {
    const byKey = new Map(uptake.map((r) => [r.key, r]));
    return QUINTILES.map((q) => uptakeDatum(byKey.get(String(q)) ?? { key: String(q), doses: 0, eligible: 0 }, `Quintile ${quintileLabel(q)}`));
  }, [uptake]);
  return (
    <ChartPanel title={`Uptake by deprivation quintile: ${doseLabel}`} source="Immunisation borough cube (doses and population); IMD 2019 quintiles of the child’s address" columns={uptakeColumns('Deprivation quintile')} rows={rows} rowKey={(r) => r.key}
      description={<p>Bars show estimated uptake with 95% confidence intervals (Wilson). Tick quintiles to filter the other views.</p>}>
      <fieldset className="nhsuk-fieldset explore-choices">
        <legend className="nhsuk-fieldset__legend explore-choices__legend">Deprivation quintiles</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-checkboxes--inline">
          {QUINTILES.map((q) => (
            <div key={q} className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id={`${id}-${q}`} type="checkbox" checked={filter.quintiles.includes(q)} onChange={() => onToggle(q)} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${q}`}>{quintileLabel(q)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <InequalityChart groups={rows.map((r) => ({ group: r.key, label: r.label, value: r.value, lower95: r.lower95, upper95: r.upper95, suppressed: false }))} unit="%"
        overall={overall?.value != null ? { label: 'Selection', value: overall.value } : null} />
    </ChartPanel>
  );
}
