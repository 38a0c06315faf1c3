import { useMemo } from 'react';
import { ICBS } from '@pathfinder/metrics';
import type { CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { AreaMap, type MapDatum } from '../maps/area-map.tsx';
import { equalBreaks } from '../theme/colour-scale.ts';
import { intervalLabel, intervalPhrase } from './campaign-format.ts';
import { mapMeasureValue, type MapMeasure } from './map-measure.ts';
import { usePlayback } from './use-playback.ts';
import { usePrefersReducedMotion } from './use-prefers-reduced-motion.ts';
import { WeekPlayer } from './week-player.tsx';
import { formatCount, formatNumber } from '../format/format-number.ts';

const icbShortName = new Map(ICBS.map((i) => [i.code, i.shortName]));
/** Milliseconds a step is shown while playing: a week a second, days faster; never faster than a second for users who asked for less motion. */
const STEP_MS = { week: 1000, day: 250, reducedMotion: 1000 } as const;

const MEASURE = {
  uptake: { title: 'uptake', unit: '%', key: '% of eligible children vaccinated', format: (v: number) => formatNumber(v) },
  unvaccinated: { title: 'eligible children not yet vaccinated', unit: 'children', key: 'eligible children not yet vaccinated', format: formatCount },
} as const;

interface MapRow {
  readonly row: CampaignProgressRow;
  readonly name: string;
  readonly value: number | null;
}

/**
 * The map animated through the campaign's intervals: uptake, or the eligible children not yet
 * vaccinated (where to send outreach). Colour classes are fixed across all intervals, so the map
 * darkens (or lightens) as the campaign goes on.
 */
export function CampaignMapPanel({ data, measure, dates, step: committedStep, onStep, selected, onSelect }: {
  data: CampaignProgressData;
  measure: MapMeasure;
  dates: readonly string[];
  step: number;
  onStep: (step: number) => void;
  selected: string;
  onSelect: (code: string) => void;
}) {
  const reducedMotion = usePrefersReducedMotion();
  const stepMs = reducedMotion ? Math.max(STEP_MS.reducedMotion, STEP_MS[data.interval]) : STEP_MS[data.interval];
  const { step, playing, play, pause, seek } = usePlayback(dates.length, committedStep, onStep, stepMs);
  const spec = MEASURE[measure];
  const labels = useMemo(() => dates.map((d) => intervalLabel(d, data.interval)), [dates, data.interval]);
  const breaks = useMemo(() => equalBreaks(data.rows.flatMap((r) => r.series.map((p) => mapMeasureValue(r, p, measure)))), [data, measure]);
  const rows: MapRow[] = data.rows.map((row) => ({ row, name: data.areaType === 'icb' ? icbShortName.get(row.areaCode) ?? row.areaName : row.areaName, value: mapMeasureValue(row, row.series[step], measure) }));
  const mapData = new Map<string, MapDatum>(rows.map((r) => {
    const point = r.row.series[step];
    return [r.row.areaCode, { value: r.value, lower95: null, upper95: null, comparison: 'not-compared', suppressed: point?.suppressed ?? true, label: data.areaType === 'icb' ? `${r.name} ICB` : r.name }];
  }));
  const where = data.areaType === 'icb' ? 'ICB' : 'borough';
  const columns: Column<MapRow>[] = [
    { key: 'area', header: data.areaType === 'icb' ? 'ICB' : 'Borough', value: (r) => r.name },
    { key: 'date', header: data.interval === 'week' ? 'Week ending' : 'Day', value: (r) => r.row.series[step]?.date ?? null },
    { key: 'eligible', header: 'Eligible children', value: (r) => r.row.eligible, numeric: true, render: (r) => (r.row.eligible === null ? '*' : formatCount(r.row.eligible)) },
    { key: 'vaccinated', header: 'Vaccinated so far', value: (r) => r.row.series[step]?.cumulative ?? null, numeric: true, render: (r) => (r.row.series[step]?.cumulative == null ? '*' : formatCount(r.row.series[step]!.cumulative)) },
    { key: 'value', header: measure === 'uptake' ? 'Uptake (%)' : 'Not yet vaccinated', value: (r) => r.value, numeric: true, render: (r) => (r.value === null ? '*' : measure === 'uptake' ? formatNumber(r.value) : formatCount(r.value)) },
  ];
  return (
    <ChartPanel title={`Map: ${spec.title} by ${where}, ${dates[step] ? intervalPhrase(dates[step], data.interval) : ''}`} source="Synthetic event data (doses per child)" columns={columns} rows={rows} rowKey={(r) => r.row.areaCode}
      description={<p>{measure === 'uptake' ? 'Darker areas have higher uptake.' : 'Darker areas have more eligible children still to vaccinate: where outreach reaches the most children.'} The key is in {spec.key}; its classes stay the same across the {data.interval === 'week' ? 'weeks' : 'days'}. Grey: hidden (small numbers), not in the campaign, or counted within another area.{data.rows.filter((r) => r.note && r.group === null).map((r) => ` ${r.areaName} ${r.note}.`).join('')}</p>}>
      <WeekPlayer labels={labels} step={step} playing={playing} onPlay={play} onPause={pause} onSeek={seek} sliderLabel={data.interval === 'week' ? 'Week shown' : 'Day shown'} />
      <AreaMap areaType={data.areaType === 'icb' ? 'icb' : 'borough'} data={mapData} unit={spec.unit} colourBy="value" breaks={breaks} formatValue={spec.format} selected={selected} onSelect={onSelect} />
    </ChartPanel>
  );
}
