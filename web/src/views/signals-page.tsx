import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { ICBS, LONDON, type AreaType, type AttentionItem, type Session, type SignalsSearch } from '@pathfinder/metrics';
import { attentionQueries } from '../api/attention-queries.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { areaQueries, sessionQueries } from '../api/queries.ts';
import { AREA_TYPE_LABELS } from '../attention/area-type-labels.ts';
import { attentionLevels } from '../attention/attention-scope.ts';
import { AttentionLink } from '../attention/attention-link.tsx';
import { signalsColumns } from '../attention/signals-columns.tsx';
import { DataTable, tableCsv } from '../components/data-table.tsx';
import { downloadBlob, slug } from '../components/download.ts';
import { areaLevel } from '../components/london-areas.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import '../theme/attention.css';

const route = getRouteApi('/attention/signals');

const SIGNALS_COLUMNS = signalsColumns((item) => <AttentionLink link={item.link}>{item.indicatorName}</AttentionLink>);

/** The signals summary for one area: every indicator's SPC variation and assurance, Making Data Count style. */
export default function SignalsPage() {
  const session = useQuery(sessionQueries.caller());
  return (
    <>
      <h1>Signals summary</h1>
      <p className="lede">
        Every indicator for one area at its latest period, in the NHS Making Data Count style: the variation icon says whether the latest values show a special cause (a real change) or only common-cause noise;
        the assurance icon whether the process will reliably meet its target.
      </p>
      {session.isPending ? <Skeleton label="Checking what you may see…" height={480} /> : session.isError ? <PanelError error={session.error} onRetry={() => void session.refetch()} /> : <Signals session={session.data} />}
    </>
  );
}

/**
 * Where the table starts: the ICS lead's own ICB; for anyone else the ICB chosen (the URL's `icb`),
 * or London. An ICS lead's choice of another ICB narrows nothing: its statuses are its own ICB's.
 */
const homeArea = (session: Session, chosen: string | undefined) => {
  const icb = session.role === 'ics' ? session.icb : chosen;
  return icb ? { level: 'icb' as const, code: icb } : { level: 'region' as const, code: LONDON.code };
};

function Signals({ session }: { session: Session }) {
  const state = route.useSearch();
  const update = useSearchUpdate<SignalsSearch>();
  const { release, offer } = useChosenRelease();
  const levels = attentionLevels(session).filter((l) => offer.hasAreaType(l));
  const home = homeArea(session, state.icb);
  const level = state.level && levels.includes(state.level) ? state.level : (state.area && areaLevel(state.area)) || home.level;
  const { areas, pending, error, retry } = useScopedAreas(session, level, state.icb);
  const area = areas?.find((a) => a.code === state.area) ?? (level === home.level ? areas?.find((a) => a.code === home.code) : undefined) ?? areas?.[0];
  const items = useQuery({ ...attentionQueries(release.id).area(area?.code ?? ''), enabled: area !== undefined });
  return (
    <>
      <div className="controls">
        <SelectField label="Area level" value={level} options={levels.map((l) => ({ value: l, label: AREA_TYPE_LABELS[l].many }))} onChange={(l) => update({ level: l, area: undefined })} />
        {areas && area && <SelectField label="Area" value={area.code} options={areas.map((a) => ({ value: a.code, label: a.name }))} onChange={(code) => update({ level, area: code })} />}
      </div>
      {error ? (
        <PanelError error={error} onRetry={retry} />
      ) : !area ? (
        pending ? <Skeleton label="Loading areas…" height={480} /> : <p className="empty-state">No {AREA_TYPE_LABELS[level].one.toLowerCase()} is open to you in this release.</p>
      ) : items.isPending ? (
        <Skeleton label="Loading signals…" height={480} />
      ) : items.isError ? (
        <PanelError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <SignalsTable areaName={area.name} rows={items.data.items} />
      )}
    </>
  );
}

/**
 * The areas of a level the caller's statuses cover, within the chosen ICB below ICB level: an ICS
 * lead's are its ICB's. London and the ICBs are known; the rest come from GET /areas.
 */
function useScopedAreas(session: Session, level: AreaType, chosen: string | undefined) {
  const { release } = useChosenRelease();
  const ics = session.role === 'ics' ? session.icb ?? undefined : undefined;
  const known = level === 'region' ? [{ code: LONDON.code, name: 'London' }] : level === 'icb' ? ICBS.filter((i) => !ics || i.code === ics).map((i) => ({ code: i.code, name: `${i.shortName} ICB` })) : null;
  const listed = useQuery({
    ...areaQueries(release.id).list(level, ics ?? chosen),
    enabled: known === null,
    select: (data) => data.areas.map((a) => ({ code: a.code, name: a.name })).sort((a, b) => a.name.localeCompare(b.name)),
  });
  return known ? { areas: known, pending: false, error: null, retry: () => undefined } : { areas: listed.data, pending: listed.isPending, error: listed.error, retry: () => void listed.refetch() };
}

function SignalsTable({ areaName, rows }: { areaName: string; rows: readonly AttentionItem[] }) {
  const headingId = useId();
  const title = `Signals summary: ${areaName}`;
  return (
    <section className="panel signals-summary" aria-labelledby={headingId} data-testid="signals-summary">
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-panel__actions">
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(SIGNALS_COLUMNS, rows)], { type: 'text/csv' }), `${slug(title)}.csv`)}>Download CSV</button>
        </div>
      </div>
      <p className="chart-panel__description">One row per indicator; select a column heading to sort.</p>
      <DataTable caption={title} captionHidden columns={SIGNALS_COLUMNS} rows={rows} rowKey={(i) => i.indicatorId} />
    </section>
  );
}
