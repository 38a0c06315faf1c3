import { useQuery } from '@tanstack/react-query';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries } from '../api/queries.ts';
import { SelectField } from './select-field.tsx';

/** The periods an indicator has data for, newest first, with "Latest" (naming the period it stands for) on top. */
export function PeriodSelect({ indicatorId, value, onChange }: { indicatorId: string; value: string; onChange: (period: string) => void }) {
  const periods = useQuery(indicatorQueries(useChosenRelease().release.id).periods(indicatorId)).data?.periods ?? [];
  const options = [
    { value: 'latest', label: `Latest${periods[0] ? ` (${periods[0].label})` : ''}` },
    ...(value !== 'latest' && !periods.some((p) => p.label === value) ? [{ value, label: value }] : []),
    ...periods.map((p) => ({ value: p.label, label: p.label })),
  ];
  return <SelectField label="Period" value={value} options={options} onChange={onChange} />;
}
