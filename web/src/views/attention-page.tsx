import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { ATTENTION_FIRST_PAGE, DOMAINS, ICBS, SEVERITIES, type AlertItem, type AttentionItem, type AttentionSearch, type Session, type Severity } from '@pathfinder/metrics';
import { attentionQueries, type AttentionFilter as Filter } from '../api/attention-queries.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { sessionQueries } from '../api/queries.ts';
import { AREA_TYPE_LABELS } from '../attention/area-type-labels.ts';
import { ATTENTION_COLUMNS } from '../attention/attention-columns.ts';
import { AttentionList } from '../attention/attention-list.tsx';
import { attentionFilter, attentionLevels, practiceIcbs, scopeDescription } from '../attention/attention-scope.ts';
import { PracticeOutliersPanel } from '../attention/practice-outliers-panel.tsx';
import { SeverityCounts } from '../attention/severity-counts.tsx';
import { SEVERITY_STYLE } from '../attention/severity-style.ts';
import { DataTable, tableCsv } from '../components/data-table.tsx';
import { DOMAIN_LABELS } from '../components/domain-labels.ts';
import { downloadBlob, slug } from '../components/download.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { formatCount } from '../format/format-number.ts';
import { formatDate } from '../format/format-date.ts';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import '../theme/attention.css';

const route = getRouteApi('/attention');

/** How many items the list draws at first, and how many more each "Show more" adds. */
const PAGE = 25;

/** What needs action in the caller's areas, most urgent first: the first page for a signed-in user. */
export default function AttentionPage() {
  const session = useQuery(sessionQueries.caller());
  return (
    <>
      <h1>Attention</h1>
      {session.isPending ? (
        <Skeleton label="Checking what you may see…" height={480} />
      ) : session.isError ? (
        <PanelError error={session.error} onRetry={() => void session.refetch()} />
      ) : (
        <AttentionView session={session.data} />
      )}
    </>
  );
}

function AttentionView({ session }: { session: Session }) {
  const state = route.useSearch();
  const update = useSearchUpdate<AttentionSearch>();
  const { offer } = useChosenRelease();
  const levels = attentionLevels(session).filter((l) => offer.hasAreaType(l));
  const filter = attentionFilter(session, offer, state);
  const onlyNew = state.new === 'true';
  const icbs = practiceIcbs(session);
  return (
    <>
      <p className="lede">
        What needs action in {scopeDescription(session, state.icb)}, most urgent first: each area and indicator whose latest figures show a real signal (not noise), ranked by severity and then by the people affected.
        Open an item for its trend with the signal marked.
      </p>
      <div className="controls">
        {session.role !== 'ics' && <SelectField label="ICB" value={state.icb ?? 'all'} options={[{ value: 'all', label: 'All London' }, ...ICBS.map((i) => ({ value: i.code, label: i.shortName }))]} onChange={(v) => update({ icb: v === 'all' ? undefined : v })} />}
        <SelectField label="Domain" value={filter.domain ?? 'all'} options={[{ value: 'all', label: 'All domains' }, ...DOMAINS.filter((d) => offer.domains.includes(d)).map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))]} onChange={(v) => update({ domain: v === 'all' ? undefined : v })} />
        <SelectField label="Area level" value={filter.areaType ?? 'all'} options={[{ value: 'all', label: 'All levels' }, ...levels.map((l) => ({ value: l, label: AREA_TYPE_LABELS[l].many }))]} onChange={(v) => update({ areaType: v === 'all' ? undefined : v })} />
        <SelectField label="Severity" value={filter.severity ?? 'all'} options={[{ value: 'all', label: 'Act, watch and improving' }, ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_STYLE[s].label }))]} onChange={(v) => update({ severity: v === 'all' ? undefined : v })} />
        <SelectField label="Show" value={state.new} options={[{ value: 'false', label: 'Everything that needs attention' }, { value: 'true', label: 'Only what is new since the last release' }]} onChange={(v) => update({ new: v })} />
      </div>
      <p><Link to="/attention/signals">Signals summary for one area</Link>: every indicator’s variation and assurance, in the Making Data Count style.</p>
      <ErrorBoundary>{onlyNew ? <NewItems filter={filter} /> : <CurrentItems filter={filter} />}</ErrorBoundary>
      {icbs.length > 0 && (
        <ErrorBoundary>
          <PracticeOutliersPanel icbs={icbs} icb={state.icb} indicator={state.indicator} onChange={(patch) => update(patch)} />
        </ErrorBoundary>
      )}
    </>
  );
}


/** Each further answer holds this many times more items than the one before: a few requests reach the end of any list. */
const MORE_FACTOR = 4;

function CurrentItems({ filter }: { filter: Filter }) {
  const [limit, setLimit] = useState(ATTENTION_FIRST_PAGE);
  // The items already drawn stay while the longer list loads.
  const list = useQuery({ ...attentionQueries(useChosenRelease().release.id).list(filter, limit), placeholderData: keepPreviousData });
  if (list.isPending) return <Skeleton label="Loading what needs attention…" height={640} />;
  if (list.isError) return <PanelError error={list.error} onRetry={() => void list.refetch()} />;
  const { counts, items, total } = list.data;
  return (
    <>
      <SeverityCounts counts={counts} />
      <RankedItems
        title="Needs attention"
        items={items}
        total={total}
        onMore={items.length < total ? () => setLimit((l) => Math.min(5000, l * MORE_FACTOR)) : undefined}
        empty="Nothing matches these filters: no area shows a signal for them in the latest period."
      />
    </>
  );
}

/** Items that need attention now and did not in the previous release of the same kind (GET /alerts, change `new`). */
function NewItems({ filter }: { filter: Filter }) {
  const alerts = useQuery(attentionQueries(useChosenRelease().release.id).alerts(filter));
  if (alerts.isPending) return <Skeleton label="Loading what is new…" height={640} />;
  if (alerts.isError) return <PanelError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  if (!alerts.data.since) return <p className="empty-state" data-testid="attention-new">This release has no earlier release of the same kind to compare with, so nothing is new.</p>;
  const items: AlertItem[] = alerts.data.items.filter((a) => a.change === 'new');
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, items.filter((i) => i.severity === s).length])) as Record<Severity, number>;
  return (
    <>
      <p data-testid="attention-new">New since release {alerts.data.since.releaseId} (data as at {formatDate(alerts.data.since.dataAsAt)}).</p>
      <SeverityCounts counts={counts} />
      <RankedItems title="New since the last release" items={items} total={items.length} empty="Nothing new needs attention since the last release for these filters." />
    </>
  );
}

/**
 * The ranked items a page at a time, with the same items as a sortable table and CSV. `onMore` asks
 * for a longer answer when the user reaches the end of the items loaded and more match.
 */
function RankedItems({ title, items, total, empty, onMore }: { title: string; items: readonly AttentionItem[]; total: number; empty: string; onMore?: (() => void) | undefined }) {
  const [shown, setShown] = useState(PAGE);
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  if (items.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <section className="panel attention-results" aria-labelledby={headingId}>
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-panel__actions">
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>{asTable ? 'Show list' : 'Show data table'}</button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(ATTENTION_COLUMNS, items)], { type: 'text/csv' }), `${slug(title)}.csv`)}>Download CSV</button>
        </div>
      </div>
      <p className="chart-panel__description">
        {total > items.length ? `The ${formatCount(items.length)} most urgent of ${formatCount(total)} items` : `${formatCount(items.length)} ${items.length === 1 ? 'item' : 'items'}`}, ranked by severity, then by the people affected.
      </p>
      {asTable ? (
        <DataTable caption={title} captionHidden columns={ATTENTION_COLUMNS} rows={items} rowKey={(i) => `${i.areaCode}|${i.indicatorId}`} />
      ) : (
        <>
          <AttentionList items={items.slice(0, shown)} />
          {(shown < items.length || onMore) && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => {
                if (shown + PAGE > items.length) onMore?.();
                setShown((n) => n + PAGE);
              }}
            >
              Show {formatCount(Math.min(PAGE, total - shown))} more of {formatCount(total - shown)}
            </button>
          )}
        </>
      )}
    </section>
  );
}
