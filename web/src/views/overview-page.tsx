import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { ICBS, type BenchmarkComparison, type OverviewSearch } from '@pathfinder/metrics';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { DOMAIN_LABELS } from '../components/domain-labels.ts';
import { releaseLabel } from '../api/release-offer.ts';
import { overviewQueries } from '../api/queries.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { ComparisonLegend } from '../components/comparison-legend.tsx';
import type { OverviewData } from '../api/api-types.ts';
import { formatNumber, formatWithUnit } from '../format/format-number.ts';
import { useGridNavigation } from '../components/use-grid-navigation.ts';
import { MarkIcon } from '../maps/map-mark.tsx';

const route = getRouteApi('/');

/** The area × indicator matrix ("tartan rug") for one domain, coloured by comparison with London or England. */
export default function OverviewPage() {
  const state = route.useSearch();
  const update = useSearchUpdate<OverviewSearch>();
  const { release, offer } = useChosenRelease();
  const offered = offer.domains.includes(state.domain);
  const matrix = useQuery({ ...overviewQueries(release.id).matrix({ areaType: state.areaType, domain: state.domain, comparator: state.comparator }), enabled: offered });
  const comparatorName = state.comparator === 'england' ? 'England' : 'London';
  const domainOptions = (offered ? offer.domains : [state.domain, ...offer.domains]).map((d) => ({ value: d, label: DOMAIN_LABELS[d] }));
  return (
    <>
      <h1>Overview: {DOMAIN_LABELS[state.domain].toLowerCase()}</h1>
      <p className="lede">Every indicator for every {state.areaType === 'icb' ? 'integrated care board' : 'borough'}, compared with {comparatorName} using 95% and 99.8% confidence intervals. Select a cell to open the indicator for that area, or an area's name for its profile in plain words. In the table, the arrow keys move between cells.</p>
      <div className="controls">
        <SelectField label="Domain" value={state.domain} options={domainOptions} onChange={(domain) => update({ domain })} />
        {/* One control for which areas are rows (every borough, one ICB's boroughs, or the ICBs): one tab stop, not two. */}
        <SelectField label="Areas" value={state.areaType === 'icb' ? 'icb' : (state.icb ?? 'borough')} options={AREA_CHOICES} onChange={(choice) => update(choice === 'icb' ? { areaType: 'icb', icb: undefined } : { areaType: 'borough', icb: choice === 'borough' ? undefined : choice })} />
        <SelectField label="Compare with" value={state.comparator} options={[{ value: 'london', label: 'London' }, { value: 'england', label: 'England' }]} onChange={(comparator) => update({ comparator })} />
      </div>
      <ComparisonLegend />
      {!offered ? (
        <p className="empty-state" data-testid="not-in-release">
          {releaseLabel(release)} has no {DOMAIN_LABELS[state.domain].toLowerCase()} indicators.{' '}
          {offer.domains[0] ? <>See <Link from="/" to="/" search={(previous) => ({ ...previous, domain: offer.domains[0] })}>{DOMAIN_LABELS[offer.domains[0]].toLowerCase()}</Link> instead.</> : 'It has no indicators of the catalogue.'}
        </p>
      ) : matrix.isPending ? (
        <Skeleton label="Loading the overview…" height={matrixHeight(state.areaType === 'icb' ? 5 : state.icb ? 8 : 33)} />
      ) : matrix.isError ? (
        <PanelError error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <OverviewMatrix data={matrix.data} icb={state.icb} comparatorName={comparatorName} comparator={state.comparator} />
      )}
    </>
  );
}



const AREA_CHOICES = [{ value: 'borough', label: 'Boroughs: all London' }, ...ICBS.map((i) => ({ value: i.code, label: `Boroughs: ${i.shortName}` })), { value: 'icb', label: 'ICBs' }];

/** A profile link keeps the Overview's comparator; London, the Overview's default, is the profile's too. */
const profileLinkComparator = (comparator: OverviewSearch['comparator']) => (comparator === 'england' ? 'england' : undefined);

type MatrixArea = OverviewData['areas'][number] & { readonly column: number };
type MatrixIndicator = OverviewData['indicators'][number];
const MATRIX = tableFeatures({});
const AREA_COLUMN = 'area';

/** The matrix as a TanStack table: a row per area, a column per indicator after the area's own. */
function useMatrixTable(data: OverviewData, icb: string | undefined) {
  const areas = useMemo(() => data.areas.map((a, column) => ({ ...a, column })).filter((a) => !icb || a.parentCode === icb), [data.areas, icb]);
  const columns = useMemo((): ColumnDef<typeof MATRIX, MatrixArea, unknown>[] => [{ id: AREA_COLUMN, header: 'Area' }, ...data.indicators.map((i) => ({ id: i.id, header: i.shortName }))], [data.indicators]);
  return useTable({ features: MATRIX, columns, data: areas, getRowId: (a) => a.code });
}

function OverviewMatrix({ data: answer, icb, comparatorName, comparator }: { data: OverviewData; icb: string | undefined; comparatorName: string; comparator: OverviewSearch['comparator'] }) {
  // Only the indicators the release covers: a catalogue indicator it lacks would be a column of gaps.
  const { offer } = useChosenRelease();
  const data = useMemo(() => ({ ...answer, indicators: answer.indicators.filter((i) => offer.hasIndicator(i.id)) }), [answer, offer]);
  const table = useMatrixTable(data, icb);
  const indicators = new Map<string, MatrixIndicator>(data.indicators.map((i) => [i.id, i]));
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  // One tab stop for the whole matrix, first on the first area's first value (row 0 names the indicators, row 1 the comparator's values).
  const grid = useGridNavigation({ row: 2, column: 1 });
  return (
    // biome-ignore lint/a11y/useSemanticElements: an explicit role, not <section>, keeps page-section styles off the scrolling box
    <div className="table-scroll matrix-scroll" role="region" aria-label="Overview matrix">
      <p id="matrix-keys" className="visually-hidden">Arrow keys move between cells; Enter opens the cell's indicator.</p>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a data table, so the matrix is one tab stop with arrow-key movement */}
      <table className="matrix nhsuk-table" role="grid" aria-describedby="matrix-keys" ref={grid.ref} onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
        <caption className="nhsuk-table__caption visually-hidden">Indicators by area compared with {comparatorName}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {headers.map((header) => {
              const i = indicators.get(header.column.id);
              return i ? (
                <th key={header.id} scope="col" className="matrix__indicator nhsuk-table__header">
                  <Link to="/indicators/$id" params={{ id: i.id }} search={{ comparator }}>{i.shortName}</Link>
                  <span className="matrix__period">{i.period}</span>
                </th>
              ) : (
                <th key={header.id} scope="col" className="matrix__corner nhsuk-table__header">Area</th>
              );
            })}
          </tr>
          <tr className="matrix__benchmark nhsuk-table__row">
            <th scope="row" className="nhsuk-table__header">{comparatorName}</th>
            {data.indicators.map((i) => (
              <td key={i.id} className="nhsuk-table__cell">{formatNumber(i.comparatorValue)}</td>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="nhsuk-table__row">
              {row.getAllCells().map((cell) => {
                const i = indicators.get(cell.column.id);
                return i ? <MatrixCell key={cell.id} area={row.original} indicator={i} comparatorName={comparatorName} comparator={comparator} /> : <th key={cell.id} scope="row" className="nhsuk-table__header"><Link to="/areas/$code" params={{ code: row.original.code }} search={{ comparator: profileLinkComparator(comparator) }}>{row.original.name}</Link></th>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCell({ area: a, indicator: i, comparatorName, comparator }: { area: MatrixArea; indicator: MatrixIndicator; comparatorName: string; comparator: OverviewSearch['comparator'] }) {
  const suppressed = i.suppressed[a.column] ?? false;
  const comparison: BenchmarkComparison = i.comparisons[a.column] ?? 'not-compared';
  const style = suppressed ? SUPPRESSED_STYLE : COMPARISON_STYLE[comparison];
  const value = i.values[a.column] ?? null;
  const text = suppressed ? '*' : formatNumber(value);
  const label = `${a.name}, ${i.shortName}: ${suppressed ? 'suppressed' : value === null ? 'no value' : formatWithUnit(value, i.unit)}, ${style.label.toLowerCase()} compared with ${comparatorName}`;
  return (
    <td className="matrix__cell nhsuk-table__cell" style={{ background: style.fill, color: style.text }}>
      <Link to="/indicators/$id" params={{ id: i.id }} search={{ area: a.code, comparator, areaType: a.type === 'icb' ? 'icb' : 'borough' }} aria-label={label} title={label} data-comparison={comparison}>
        <span aria-hidden="true">{text}</span>
        {/* Drawn, not typed: not every font has the geometric shapes, and without them colour would be the only cue. */}
        <span className="matrix__symbol"><MarkIcon mark={{ kind: 'symbol', text: style.symbol }} colour={style.text} /></span>
      </Link>
    </td>
  );
}

/** Height the matrix will take, so the page does not jump when it arrives (header rows + one row per area). */
const matrixHeight = (rows: number) => 200 + rows * 38;
