import { useMemo } from 'react';
import type { ExploreUptakeRow } from '@pathfinder/metrics';
import { InequalityChart } from '../charts/inequality-chart.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import { uptakeColumns } from './uptake-columns.ts';
import { uptakeDatum, type UptakeDatum } from './uptake-datum.ts';

/**
 * Estimated uptake per ethnic group within the whole selection; `uptake` null when the data cannot
 * answer it (the public's has ethnic groups and quintiles one at a time, not crossed).
 */
export function ExploreEthnicityPanel({ uptake, doseLabel, overall }: { uptake: readonly ExploreUptakeRow[] | null; doseLabel: string; overall: UptakeDatum | undefined }) {
  const rows = useMemo(() => (uptake ?? []).map((r) => uptakeDatum(r, r.key)), [uptake]);
  return (
    <ChartPanel title={`Uptake by ethnic group: ${doseLabel}`} source="Immunisation borough cube (doses and population)" columns={uptakeColumns('Ethnic group')} rows={rows} rowKey={(r) => r.key}
      description={uptake === null
        ? <p role="status">Not available with deprivation quintiles chosen: the public data gives ethnic groups and quintiles one at a time, not ethnic groups within quintiles. Clear the quintiles to see ethnic groups.</p>
        : <p>Estimated uptake with 95% confidence intervals (Wilson) for the selected period, areas and quintiles.</p>}>
      {uptake === null ? null : (
        <InequalityChart groups={rows.map((r) => ({ group: r.key, label: r.label, value: r.value, lower95: r.lower95, upper95: r.upper95, suppressed: false }))} unit="%"
          overall={overall?.value != null ? { label: 'Selection', value: overall.value } : null} />
      )}
    </ChartPanel>
  );
}
