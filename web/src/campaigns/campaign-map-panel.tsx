import { useMemo } from 'react';
import { ICBS } from '@pathfinder/metrics';
import type { CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { AreaMap, type MapDatum } from '../maps/area-map.tsx';
import { equalBreaks } from '../theme/colour-scale.ts';
import { intervalPhrase } from './campaign-format.ts';
import { mapMeasureValue, type MapMeasure } from './map-measure.ts';
import { formatCount, formatNumber, formatPercent } from '../format/format-number.ts';

const icbShortName = new Map(ICBS.map((i) => [i.code, i.shortName]));

interface MapRow {
  readonly row: CampaignProgressRow;
  readonly name: string;
  readonly value: number | null;
}

/**
 * The map on the page's as-of date: uptake, or the children still to vaccinate to reach the target
 * (where to send outreach), the row's own figures, so the map and the summary agree. Colour classes come from the whole campaign's series, so they stay the
 * same whichever date is shown and the map darkens (or lightens) as the campaign goes on.
 */
export function CampaignMapPanel({ at, whole, measure, targetUptake, selected, onSelect }: {
  /** Every area's figures on the date shown (the last point of each series). */
  at: CampaignProgressData;
  /** The same areas over the whole campaign, for colour classes that do not move with the date. */
  whole: CampaignProgressData;
  measure: MapMeasure;
  targetUptake: number;
  selected: string;
  onSelect: (code: string) => void;
}) {
  const target = formatPercent(targetUptake, 0);
  const spec = measure === 'uptake'
    ? { title: 'uptake', unit: '%', key: '% of eligible children vaccinated', format: (v: number) => formatNumber(v) }
    : { title: `children still to vaccinate to reach ${target}`, unit: 'children', key: `children still to vaccinate to reach the ${target} target`, format: formatCount };
  const breaks = useMemo(() => equalBreaks(whole.rows.flatMap((r) => r.series.map((p) => mapMeasureValue(r, p, measure, targetUptake)))), [whole, measure, targetUptake]);
  const rows: MapRow[] = at.rows.map((row) => ({ row, name: at.areaType === 'icb' ? icbShortName.get(row.areaCode) ?? row.areaName : row.areaName, value: row.suppressed ? null : measure === 'uptake' ? row.uptake : row.gapToTarget }));
  const mapData = new Map<string, MapDatum>(rows.map((r) => [r.row.areaCode, { value: r.value, lower95: null, upper95: null, comparison: 'not-compared', suppressed: r.row.series.at(-1)?.suppressed ?? true, label: at.areaType === 'icb' ? `${r.name} ICB` : r.name }]));
  const where = at.areaType === 'icb' ? 'ICB' : 'borough';
  const count = (n: number | null) => (n === null ? '*' : formatCount(n));
  const columns: Column<MapRow>[] = [
    { key: 'area', header: at.areaType === 'icb' ? 'ICB' : 'Borough', value: (r) => r.name },
    { key: 'eligible', header: 'Eligible children', value: (r) => r.row.eligible, numeric: true, render: (r) => count(r.row.eligible) },
    { key: 'vaccinated', header: 'Vaccinated so far', value: (r) => r.row.vaccinated, numeric: true, render: (r) => count(r.row.vaccinated) },
    { key: 'value', header: measure === 'uptake' ? 'Uptake (%)' : `Still to vaccinate for ${target}`, value: (r) => r.value, numeric: true, render: (r) => (r.value === null ? '*' : measure === 'uptake' ? formatNumber(r.value) : formatCount(r.value)) },
  ];
  return (
    <ChartPanel title={`Map: ${spec.title} by ${where}, ${intervalPhrase(at.asOf, at.interval)}`} source="Synthetic event data (doses per child)" columns={columns} rows={rows} rowKey={(r) => r.row.areaCode}
      description={<p>{measure === 'uptake' ? 'Darker areas have higher uptake.' : `Darker areas have more children still to vaccinate to reach the ${target} target (not all eligible children): where outreach is needed most.`} The key is in {spec.key}; its classes stay the same on every date. Grey: hidden (small numbers), not in the campaign, or counted within another area.{at.rows.filter((r) => r.note && r.group === null).map((r) => ` ${r.areaName} ${r.note}.`).join('')}</p>}>
      <AreaMap areaType={at.areaType === 'icb' ? 'icb' : 'borough'} data={mapData} unit={spec.unit} colourBy="value" breaks={breaks} formatValue={spec.format} selected={selected} onSelect={onSelect} />
    </ChartPanel>
  );
}
