import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { BOROUGHS, ICBS, exploreSelection, type ExploreFilter, type ExploreSearch } from '@pathfinder/metrics';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { NotInRelease } from './not-in-release.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { ExploreDosePanel } from '../explore/explore-dose-panel.tsx';
import { ExploreEthnicityPanel } from '../explore/explore-ethnicity-panel.tsx';
import { ExploreMapPanel } from '../explore/explore-map-panel.tsx';
import { ExploreProgress } from '../explore/explore-progress.tsx';
import { useDetailLoading } from '../explore/explore-detail.ts';
import { ExplorePracticePanel } from '../explore/explore-practice-panel.tsx';
import { exploreQueries, readsDetail } from '../explore/explore-queries.ts';
import { ExploreQuintilePanel, quintileLabel } from '../explore/explore-quintile-panel.tsx';
import { ExploreSqlBox } from '../explore/explore-sql-box.tsx';
import { joinList, splitList } from '../explore/explore-state.ts';
import { ExploreSummary } from '../explore/explore-summary.tsx';
import { ExploreTimePanel } from '../explore/explore-time-panel.tsx';
import { exploreLevel, type ExploreCube, type ExploreData } from '../explore/load-explore-data.ts';
import { formatMonth } from '../format/format-date.ts';
import { uptakeDatum } from '../explore/uptake-datum.ts';
import { getRouteApi } from '@tanstack/react-router';
import { useSearchUpdate, type SearchUpdate } from '../routing/use-search-update.ts';
import '../theme/explore.css';

/**
 * Explore: the caller's borough × month immunisation cube in DuckDB-WASM with linked views (period,
 * areas, deprivation quintiles, vaccine dose, ethnic group) that filter one another, practice detail
 * on demand for tokens, and a read-only SQL box.
 */
export default function ExplorePage() {
  const { offer } = useChosenRelease();
  if (!offer.events) return <NotInRelease what="Explore, which is computed from event-level immunisation records" />;
  return (
    <>
      <h1>Explore immunisation data</h1>
      <p className="lede">
        Cross-filter doses and estimated uptake by period, area, deprivation and vaccine, computed in your browser from the borough × month data your access allows;
        with an ICS or regional access token, drill down to GP practices. Choose a period on the chart, boroughs or ICBs on the map, and quintiles; every other view updates.
      </p>
      <ExploreLoader />
    </>
  );
}

const route = getRouteApi('/explore');

/** What an Explore URL selects, as GET /explore/views takes it. */
const selectionOf = (state: ExploreSearch) => ({ from: state.from, to: state.to, icb: state.icb, borough: state.borough, q: state.q, dose: state.dose });

/**
 * Starts DuckDB-WASM (and the cube's download) and, meanwhile, asks the server for the first
 * answer of the URL's selection, computed from the same cube with the same queries: the views
 * show whichever comes first, and DuckDB-WASM takes over once it is ready.
 */
function ExploreLoader() {
  const release = useChosenRelease().release.id;
  const state = route.useSearch();
  const engine = useQuery(exploreQueries.data(release));
  const first = useQuery({ ...exploreQueries.server(release, selectionOf(state)), enabled: !engine.data });
  const cube: ExploreCube | undefined = engine.data ?? (first.data && { ...first.data.cube, level: exploreLevel(first.data.meta.disclosure, first.data.cube.boroughs) });
  if (!cube) {
    if (engine.isError && (first.isError || !first.isFetching)) return <PanelError error={engine.error} onRetry={() => void engine.refetch()} />;
    return <ExploreProgress />;
  }
  return (
    <>
      {engine.isPending && <ExploreProgress />}
      {engine.isError && <PanelError error={engine.error} onRetry={() => void engine.refetch()} />}
      <ExploreViews release={release} cube={cube} engine={engine.data} />
    </>
  );
}


function ExploreViews({ release, cube, engine }: { release: string; cube: ExploreCube; engine: ExploreData | undefined }) {
  const state = route.useSearch();
  const update = useSearchUpdate<ExploreSearch>();
  const client = useQueryClient();
  const { months, filter, dose } = exploreSelection(state, cube);
  const views = useQuery(exploreQueries.shown(client, release, engine, selectionOf(state), filter, dose.dueDays));
  const rows = views.data;
  // Where the rows shown come from; placeholder rows (while a new selection's run) keep the source they had.
  const source = useRef<'server' | 'duckdb'>('server');
  if (rows && !views.isPlaceholderData) source.current = engine ? 'duckdb' : 'server';
  useFirstResultMark(rows !== undefined, source.current);
  const overall = rows ? uptakeDatum(rows.summary[0] ?? { key: 'all', doses: 0, eligible: 0 }, 'Selection') : undefined;
  const actions = useAreaActions(state, update);
  return (
    <ExploreBusy engine={engine} source={source.current}>
      <ExploreSummary overall={overall} data={cube} engine={engine} description={describeSelection(filter, months, dose.label)} />
      {views.isError && <PanelError error={views.error} onRetry={() => void views.refetch()} />}
      {!rows ? (
        views.isError ? null : <Skeleton label="Querying the cube…" />
      ) : (
        <>
          <ErrorBoundary>
            <ExploreTimePanel extent={cube} doses={rows.time} months={months} doseLabel={dose.label} onPeriod={(from, to) => update({ from, to }, { replace: true })} />
          </ErrorBoundary>
          <div className="explore-grid">
            <ErrorBoundary>
              <ExploreMapPanel uptake={rows.map} filter={filter} doseLabel={dose.label} {...actions} />
            </ErrorBoundary>
            <ErrorBoundary>
              <ExploreQuintilePanel uptake={rows.quintiles} filter={filter} doseLabel={dose.label} overall={overall} onToggle={(q) => update({ q: toggle(splitList(state.q), String(q)) }, { replace: true })} />
            </ErrorBoundary>
            <ErrorBoundary>
              <ExploreDosePanel doses={rows.doses} doseKey={dose.key} onDose={(key) => update({ dose: key }, { replace: true })} />
            </ErrorBoundary>
            <ErrorBoundary>
              <ExploreEthnicityPanel uptake={rows.ethnicity} doseLabel={dose.label} overall={overall} />
            </ErrorBoundary>
          </div>
        </>
      )}
      {engine && <ErrorBoundary>
        <ExplorePracticePanel data={engine} filter={filter} dose={dose} requested={state.detail === 'practice'} onRequest={() => update({ detail: 'practice' })} />
      </ErrorBoundary>}
      {engine && <ErrorBoundary>
        <ExploreSqlBox data={engine} filter={filter} submitted={state.sql}
          onSubmit={(sql) => update({ sql, ...(readsDetail(sql) && engine.level !== 'public' ? { detail: 'practice' } : {}) })} />
      </ErrorBoundary>}
    </ExploreBusy>
  );
}

/**
 * The views' container, busy while any Explore query runs or detail loads, saying where the rows
 * shown come from (`data-source`: the server's first answer, or DuckDB-WASM). Its own component, so
 * the busy state changing (several times per interaction) re-renders none of the charts inside.
 */
function ExploreBusy({ engine, source, children }: { engine: ExploreData | undefined; source: 'server' | 'duckdb'; children: ReactNode }) {
  const fetching = useIsFetching({ queryKey: exploreQueries.all() }) > 0;
  const loading = useDetailLoading(engine?.detail);
  return <div className="explore-views" aria-busy={fetching || loading} data-source={source} data-testid="explore-views">{children}</div>;
}

/**
 * Marks (User Timing `pf:explore:first-result`, with the source in its detail) the first commit
 * that shows the views' rows on this visit: the time to the first answer that `pnpm bench` reports.
 */
function useFirstResultMark(shown: boolean, source: 'server' | 'duckdb') {
  const marked = useRef(false);
  useEffect(() => {
    if (!shown || marked.current) return;
    marked.current = true;
    performance.mark('pf:explore:first-result', { detail: { source } });
  }, [shown, source]);
}

const toggle = (list: readonly string[], value: string) => joinList(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** Area filter changes: a borough inside a selected ICB leaves the ICB's selection, keeping its other boroughs. */
function useAreaActions(state: ExploreSearch, update: SearchUpdate<ExploreSearch>) {
  const icbs = splitList(state.icb);
  const boroughs = splitList(state.borough);
  return {
    onToggleBorough: useCallback((code: string) => {
      const parent = BOROUGHS.find((b) => b.code === code)?.parent;
      if (parent && icbs.includes(parent)) {
        const siblings = BOROUGHS.filter((b) => b.parent === parent && b.code !== code).map((b) => b.code);
        update({ icb: joinList(icbs.filter((i) => i !== parent)), borough: joinList([...new Set([...boroughs, ...siblings])]) }, { replace: true });
      } else {
        update({ borough: toggle(boroughs, code) }, { replace: true });
      }
    }, [icbs, boroughs, update]),
    onToggleIcb: useCallback((code: string) => {
      const members = new Set(BOROUGHS.filter((b) => b.parent === code).map((b) => b.code));
      update({ icb: toggle(icbs, code), borough: joinList(boroughs.filter((b) => !members.has(b))) }, { replace: true });
    }, [icbs, boroughs, update]),
    onClearAreas: useCallback(() => update({ icb: undefined, borough: undefined }, { replace: true }), [update]),
  };
}

function describeSelection(filter: ExploreFilter, months: { from: string; to: string }, doseLabel: string): string {
  const icbNames = ICBS.filter((i) => filter.icbs.includes(i.code)).map((i) => `${i.shortName} ICB`);
  const boroughNames = BOROUGHS.filter((b) => filter.boroughs.includes(b.code)).map((b) => b.name);
  const areas = [...icbNames, ...boroughNames];
  const quintiles = filter.quintiles.length > 0 ? `deprivation quintile${filter.quintiles.length > 1 ? 's' : ''} ${[...filter.quintiles].sort().map(quintileLabel).join(', ')}` : 'all deprivation quintiles';
  return `${doseLabel}, ${formatMonth(months.from)} to ${formatMonth(months.to)}, ${areas.length > 0 ? areas.join(', ') : 'all of London'}, ${quintiles}.`;
}
