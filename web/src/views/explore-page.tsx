import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { BOROUGHS, ICBS, type ExploreFilter } from '@pathfinder/metrics';
import { accessToken } from '../api/access-token.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { ExploreDosePanel } from '../explore/explore-dose-panel.tsx';
import { ExploreEthnicityPanel } from '../explore/explore-ethnicity-panel.tsx';
import { ExploreMapPanel } from '../explore/explore-map-panel.tsx';
import { ExploreProgress } from '../explore/explore-progress.tsx';
import { exploreQueries } from '../explore/explore-queries.ts';
import { ExploreQuintilePanel, quintileLabel } from '../explore/explore-quintile-panel.tsx';
import { ExploreSqlBox } from '../explore/explore-sql-box.tsx';
import { EXPLORE_DOSES, exploreFilter, exploreState, joinList, selectedMonths, splitList, type ExploreState } from '../explore/explore-state.ts';
import { ExploreSummary } from '../explore/explore-summary.tsx';
import { ExploreTimePanel } from '../explore/explore-time-panel.tsx';
import type { ExploreData } from '../explore/load-explore-data.ts';
import { monthLabel } from '../explore/month-range.ts';
import { uptakeDatum } from '../explore/uptake-datum.ts';
import { useSearchState } from '../routing/router.tsx';
import '../theme/explore.css';

/**
 * Explore: the caller's immunisation extract in DuckDB-WASM with linked views (period, areas,
 * deprivation quintiles, vaccine dose, ethnic group) that filter one another, and a read-only SQL box.
 */
export default function ExplorePage() {
  const token = accessToken.get();
  return (
    <>
      <h1>Explore immunisation data</h1>
      <p className="lede">
        Cross-filter doses and estimated uptake by period, area, deprivation and vaccine, computed in your browser from the practice × week extract your access allows.
        Choose a period on the chart, boroughs or ICBs on the map, and quintiles; every other view updates.
      </p>
      {token ? <ExploreLoader /> : <NeedsToken />}
    </>
  );
}

function NeedsToken() {
  return (
    <section className="panel access-notice" aria-labelledby="explore-token-heading">
      <h2 id="explore-token-heading">Explore needs an access token</h2>
      <p>
        Explore works on the practice × week extract, which only NHS analysts with an <strong>ICS</strong> access token (their own ICB) or a <strong>regional</strong> access token
        (every London practice) can download. Choose <strong>Use an access token</strong> in the header and paste yours; this page then loads the extract into your browser.
      </p>
      <p>The public borough × month extract is at <a href="/api/v1/extracts/immunisation-weekly.parquet">/api/v1/extracts/immunisation-weekly.parquet</a> for your own tools.</p>
    </section>
  );
}

function ExploreLoader() {
  const data = useQuery(exploreQueries.data());
  if (data.isPending) return <ExploreProgress />;
  if (data.isError) return <PanelError error={data.error} onRetry={() => void data.refetch()} />;
  return <ExploreViews data={data.data} />;
}

function ExploreViews({ data }: { data: ExploreData }) {
  const [state, update] = useSearchState(exploreState);
  const client = useQueryClient();
  const months = selectedMonths(state, data.last, data.first);
  const filter = exploreFilter(state, months);
  const dose = EXPLORE_DOSES.find((d) => d.key === state.dose) ?? EXPLORE_DOSES[0]!;
  const views = useQuery(exploreQueries.views(client, data, filter, dose.dueDays));
  const rows = views.data;
  const overall = rows ? uptakeDatum(rows.summary[0] ?? { key: 'all', doses: 0, eligible: 0 }, 'Selection') : undefined;
  const actions = useAreaActions(state, update);
  return (
    <div className="explore-views" aria-busy={views.isFetching} data-testid="explore-views">
      <ExploreSummary overall={overall} rows={data.rows} cubeRows={data.cubeRows} description={describeSelection(filter, months, dose.label)} />
      {views.isError && <PanelError error={views.error} onRetry={() => void views.refetch()} />}
      {!rows ? (
        views.isError ? null : <Skeleton label="Querying the extract…" />
      ) : (
        <>
          <ErrorBoundary>
            <ExploreTimePanel extent={data} doses={rows.time} months={months} doseLabel={dose.label} onPeriod={(from, to) => update({ from, to }, { replace: true })} />
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
      <ErrorBoundary>
        <ExploreSqlBox data={data} submitted={state.sql} onSubmit={(sql) => update({ sql })} />
      </ErrorBoundary>
    </div>
  );
}

const toggle = (list: readonly string[], value: string) => joinList(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** Area filter changes: a borough inside a selected ICB leaves the ICB's selection, keeping its other boroughs. */
function useAreaActions(state: ExploreState, update: ReturnType<typeof useSearchState<ExploreState>>[1]) {
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
  return `${doseLabel}, ${monthLabel(months.from)} to ${monthLabel(months.to)}, ${areas.length > 0 ? areas.join(', ') : 'all of London'}, ${quintiles}.`;
}
