import { useId, useMemo } from 'react';
import { BOROUGHS, ICBS, exploreBoroughs, type ExploreFilter, type ExploreUptakeRow } from '@pathfinder/metrics';
import { ChartPanel } from '../components/chart-panel.tsx';
import { AreaMap, type MapDatum } from '../maps/area-map.tsx';
import { uptakeColumns } from './uptake-columns.ts';
import { uptakeDatum } from './uptake-datum.ts';

const BOROUGH_NAME = new Map(BOROUGHS.map((b) => [b.code, b.name]));

/**
 * Estimated uptake per borough for the rest of the selection. Clicking (or Enter on) a borough adds
 * it to the area filter or takes it out; the ICB boxes add or remove whole ICBs.
 */
export function ExploreMapPanel({ uptake, filter, doseLabel, onToggleBorough, onToggleIcb, onClearAreas }: {
  uptake: readonly ExploreUptakeRow[];
  filter: ExploreFilter;
  doseLabel: string;
  onToggleBorough: (code: string) => void;
  onToggleIcb: (code: string) => void;
  onClearAreas: () => void;
}) {
  const id = useId();
  const rows = useMemo(() => uptake.map((r) => uptakeDatum(r, BOROUGH_NAME.get(r.key) ?? r.key)), [uptake]);
  const mapData = useMemo(() => new Map<string, MapDatum>(rows.map((r) => [r.key, { value: r.value, lower95: r.lower95, upper95: r.upper95, comparison: 'not-compared', suppressed: false, label: r.label }])), [rows]);
  const selected = useMemo(() => exploreBoroughs(filter), [filter]);
  return (
    <ChartPanel title={`Uptake by borough: ${doseLabel}`} source="Immunisation extracts (doses and population)" columns={uptakeColumns('Borough')} rows={rows} rowKey={(r) => r.key}
      description={<p>{selected.length === 0 ? 'All London boroughs are selected.' : `${selected.length} borough${selected.length === 1 ? '' : 's'} selected (outlined).`} Select boroughs on the map, or whole ICBs below.</p>}>
      <fieldset className="nhsuk-fieldset explore-choices">
        <legend className="nhsuk-fieldset__legend explore-choices__legend">Integrated care boards</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-checkboxes--inline">
          {ICBS.map((icb) => (
            <div key={icb.code} className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id={`${id}-${icb.code}`} type="checkbox" checked={filter.icbs.includes(icb.code)} onChange={() => onToggleIcb(icb.code)} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${icb.code}`}>{icb.shortName}</label>
            </div>
          ))}
        </div>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onClearAreas} disabled={selected.length === 0}>All of London</button>
      </fieldset>
      <AreaMap areaType="borough" data={mapData} unit="%" colourBy="value" selected={selected} onSelect={onToggleBorough} />
    </ChartPanel>
  );
}
