import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BOROUGHS, findIndicator } from '@pathfinder/metrics';
import { indicatorQueries } from '../api/indicator-queries.ts';
import { PanelError } from '../components/panel-error.tsx';
import { ValuesTable } from './values-table.tsx';

const TileMap = lazy(() => import('../maps/tile-map.tsx'));

/** One indicator for the latest period: the borough map and the table behind it. */
export function IndicatorPage({ indicatorId }: { indicatorId: string }) {
  const indicator = findIndicator(indicatorId);
  const values = useQuery(indicatorQueries.values(indicatorId, { areaType: 'borough', period: 'latest' }));
  if (!indicator) return <p>Unknown indicator {indicatorId}.</p>;
  const rows = values.data?.rows ?? [];
  return (
    <article aria-labelledby="indicator-title">
      <h1 id="indicator-title">{indicator.name}</h1>
      <p className="lede">
        London boroughs{values.data?.period ? `, ${values.data.period}` : ''}. {indicator.definition.numerator}, as a percentage of{' '}
        {indicator.definition.denominator.charAt(0).toLowerCase() + indicator.definition.denominator.slice(1)}.
      </p>
      {values.isError ? (
        <PanelError error={values.error} onRetry={() => void values.refetch()} />
      ) : (
        <div className="indicator-layout">
          <section className="panel" aria-labelledby="map-title">
            <h2 id="map-title">Map</h2>
            <Suspense fallback={<div className="skeleton skeleton--map" aria-busy="true">Loading map…</div>}>
              {values.isPending ? <div className="skeleton skeleton--map" aria-busy="true">Loading map…</div> : <TileMap areas={BOROUGHS} rows={rows} unit={indicator.unit} />}
            </Suspense>
          </section>
          <section className="panel" aria-labelledby="table-title">
            <h2 id="table-title">Boroughs</h2>
            {values.isPending ? <div className="skeleton skeleton--table" aria-busy="true">Loading values…</div> : <ValuesTable rows={rows} unit={indicator.unit} />}
          </section>
        </div>
      )}
    </article>
  );
}
