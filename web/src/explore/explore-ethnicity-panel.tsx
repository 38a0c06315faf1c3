import { useMemo } from 'react';
import type { ExploreUptakeRow } from '@pathfinder/metrics';
import { InequalityChart } from '../charts/inequality-chart.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import { uptakeColumns } from './uptake-columns.ts';
import { uptakeDatum, type UptakeDatum } from './uptake-datum.ts';

/** Estimated uptake per ethnic group within the whole selection. */
export function ExploreEthnicityPanel({ uptake, doseLabel, overall }: { uptake: readonly ExploreUptakeRow[]; doseLabel: string; overall: UptakeDatum | undefined }) {
  const rows = useMemo(() => uptake.map((r) => uptakeDatum(r, r.key)), [uptake]);
  return (
    <ChartPanel title={`Uptake by ethnic group: ${doseLabel}`} source="Immunisation extracts (doses and population)" columns={uptakeColumns('Ethnic group')} rows={rows} rowKey={(r) => r.key}
      description={<p>Estimated uptake with 95% confidence intervals (Wilson) for the selected period, areas and quintiles.</p>}>
      <InequalityChart groups={rows.map((r) => ({ group: r.key, label: r.label, value: r.value, lower95: r.lower95, upper95: r.upper95, suppressed: false }))} unit="%"
        overall={overall?.value != null ? { label: 'Selection', value: overall.value } : null} />
    </ChartPanel>
  );
}
