import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { IPV_CAMPAIGN_DOSE, type ExploreDoseRow } from '@pathfinder/metrics';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SERIES_COLOURS } from '../theme/comparison-colours.ts';
import { EXPLORE_DOSES } from './explore-state.ts';
import { formatCount } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import { useChartSurface } from '../components/chart-name.ts';

interface DoseBar {
  readonly key: string;
  readonly label: string;
  readonly doses: number;
}

const LABELS = new Map([...EXPLORE_DOSES, IPV_CAMPAIGN_DOSE].map((d) => [d.key, d.label]));
const columns: Column<DoseBar>[] = [
  { key: 'dose', header: 'Vaccine dose', value: (r) => r.label },
  { key: 'doses', header: 'Doses', value: (r) => r.doses, numeric: true, render: (r) => formatCount(r.doses) },
];

/** Doses of every vaccine dose in the rest of the selection; choosing one sets the dose the uptake views show. */
export function ExploreDosePanel({ doses, doseKey, onDose }: { doses: readonly ExploreDoseRow[]; doseKey: string; onDose: (key: string) => void }) {
  const rows = useMemo<DoseBar[]>(() => doses.map((r) => {
    const key = `${r.vaccine}-${r.dose}`;
    return { key, label: LABELS.get(key) ?? key, doses: r.doses };
  }), [doses]);
  return (
    <ChartPanel title="Doses by vaccine" source="Immunisation borough cube (borough × month)" columns={columns} rows={rows} rowKey={(r) => r.key}
      description={<p>Doses given in the selected period, areas and quintiles. Choose a routine dose to see its uptake in the other views.</p>}>
      <div className="controls">
        <SelectField label="Dose shown in the uptake views" value={doseKey} options={EXPLORE_DOSES.map((d) => ({ value: d.key, label: d.label }))} onChange={onDose} />
      </div>
      <DoseBars rows={rows} doseKey={doseKey} onDose={onDose} />
    </ChartPanel>
  );
}

/** The bars, inside the panel whose heading names them; a routine dose's bar chooses that dose. */
function DoseBars({ rows, doseKey, onDose }: { rows: readonly DoseBar[]; doseKey: string; onDose: (key: string) => void }) {
  const chartSurface = useChartSurface();
  return (
    <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 26 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 72, bottom: 8, left: 0 }} {...chartSurface}>
        <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
        <XAxis type="number" tickFormatter={(v: number) => formatCount(v)} />
        <YAxis type="category" dataKey="label" width={210} interval={0} tick={{ fontSize: 12, fill: CHART_COLOURS.ink }} />
        <Tooltip formatter={(v) => [formatCount(Number(v)), 'Doses']} />
        <Bar dataKey="doses" isAnimationActive={false} cursor="pointer" onClick={(d) => {
          const key = (d as unknown as { payload?: DoseBar }).payload?.key;
          if (key && selectable.has(key)) onDose(key);
        }}>
          {rows.map((r) => <Cell key={r.key} fill={r.key === doseKey ? SERIES_COLOURS.value : CHART_COLOURS.paleBlue} stroke={r.key === doseKey ? CHART_COLOURS.ink : CHART_COLOURS.muted} strokeWidth={r.key === doseKey ? 2 : 0.5} />)}
          <LabelList dataKey="doses" position="right" formatter={(v) => formatCount(Number(v))} fill={CHART_COLOURS.ink} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

const selectable = new Set(EXPLORE_DOSES.map((d) => d.key));
