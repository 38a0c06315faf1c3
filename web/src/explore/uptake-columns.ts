import type { Column } from '../components/data-table.tsx';
import type { UptakeDatum } from './uptake-datum.ts';
import { formatCount, formatNumber, MISSING } from '../format/format-number.ts';

/** Table columns of uptake rows: the group, doses, eligible children, uptake and its CI. */
export const uptakeColumns = (groupHeader: string): Column<UptakeDatum>[] => [
  { key: 'group', header: groupHeader, value: (r) => r.label },
  { key: 'doses', header: 'Doses', value: (r) => r.doses, numeric: true, render: (r) => formatCount(r.doses) },
  { key: 'eligible', header: 'Eligible children (estimated)', value: (r) => Math.round(r.eligible), numeric: true, render: (r) => formatCount(r.eligible) },
  { key: 'value', header: 'Uptake (%)', value: (r) => r.value, numeric: true, render: (r) => (r.value === null ? r.note ?? MISSING : formatNumber(r.value)) },
  { key: 'lower95', header: 'Lower 95% CI', value: (r) => r.lower95, numeric: true },
  { key: 'upper95', header: 'Upper 95% CI', value: (r) => r.upper95, numeric: true },
];
