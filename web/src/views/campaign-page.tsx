import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BOROUGHS, ICBS, LONDON, type CampaignSearch } from '@pathfinder/metrics';
import type { CampaignDefinition } from '../api/api-types.ts';
import { campaignQueries } from '../api/campaign-queries.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { sessionQueries } from '../api/queries.ts';
import { NotInRelease } from './not-in-release.tsx';
import { AreaPicker } from '../components/area-picker.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { areaLabel, areaLevel } from '../components/london-areas.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { CampaignAbout } from '../campaigns/campaign-about.tsx';
import { mayAskDaily, seesExactCampaignCounts } from '../campaigns/sees-exact-campaign-counts.ts';
import { formatDate } from '../format/format-date.ts';
import { CampaignMapPanel } from '../campaigns/campaign-map-panel.tsx';
import { EquityPanel } from '../campaigns/equity-panel.tsx';
import { OutreachListPanel } from '../campaigns/outreach-list-panel.tsx';
import { AsOfBar, AsOfBarPlaceholder } from '../campaigns/as-of-bar.tsx';
import { SitrepDownload } from '../campaigns/sitrep-download.tsx';
import { ThisWeekPanel } from '../campaigns/this-week-panel.tsx';
import { TrajectoryRankingTable } from '../campaigns/trajectory-ranking-table.tsx';
import { UptakeCurvesPanel } from '../campaigns/uptake-curves-panel.tsx';
import { usePreloadAreaMap } from '../maps/area-map.tsx';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { areaChoice, chosenIcb, shownArea } from '../routing/chosen-icb.ts';
import { useSearchUpdate, type SearchUpdate } from '../routing/use-search-update.ts';
import '../theme/views.css';
import '../theme/campaign.css';
import { formatPercent } from '../format/format-number.ts';

const route = getRouteApi('/campaigns/$id');

/** A vaccination campaign monitor: any campaign the API lists, defined as data (dates, areas, target). */
export default function CampaignPage() {
  const { offer } = useChosenRelease();
  return offer.events ? <Campaign /> : <NotInRelease what="vaccination campaigns, which are counted from event-level immunisation records" />;
}

function Campaign() {
  const { id } = route.useParams();
  const state = route.useSearch();
  const update = useSearchUpdate<CampaignSearch>();
  const list = useQuery(campaignQueries(useChosenRelease().release.id).list());
  if (list.isPending) return <><h1>Campaign</h1><Skeleton label="Loading campaigns…" height={200} /></>;
  if (list.isError) return <><h1>Campaign</h1><PanelError error={list.error} onRetry={() => void list.refetch()} /></>;
  const campaign = list.data.campaigns.find((c) => c.id === id);
  const picker = <CampaignPicker campaigns={list.data.campaigns} current={id} />;
  if (!campaign) {
    return (
      <>
        <h1>Campaign not found</h1>
        <p>There is no campaign with id “{id}”. Choose one of the campaigns in this release:</p>
        <div className="controls">{picker}</div>
      </>
    );
  }
  return <CampaignView key={campaign.id} campaign={campaign} picker={picker} state={state} update={update} />;
}

/** Another campaign, keeping the view's choices except the interval shown. */
function CampaignPicker({ campaigns, current }: { campaigns: readonly CampaignDefinition[]; current: string }) {
  const options = campaigns.map((c) => ({ value: c.id, label: c.name }));
  const navigate = useNavigate({ from: '/campaigns/$id' });
  return (
    <SelectField label="Campaign" value={campaigns.some((c) => c.id === current) ? current : ''} options={campaigns.some((c) => c.id === current) ? options : [{ value: '', label: 'Choose a campaign' }, ...options]}
      onChange={(next) => next && void navigate({ to: '/campaigns/$id', params: { id: next }, search: ({ asOf: _asOf, ...kept }) => kept })} />
  );
}

function CampaignView({ campaign, picker, state, update }: { campaign: CampaignDefinition; picker: ReactNode; state: CampaignSearch; update: SearchUpdate<CampaignSearch> }) {
  const id = campaign.id;
  // The focus is the URL's area, else the ICB the user chose (in another view too), else London.
  const focusArea = shownArea(state);
  const focusLevel = areaLevel(focusArea) ?? 'region';
  const focusCode = areaLevel(focusArea) ? focusArea : LONDON.code;
  const focusName = areaLabel(focusCode);
  const session = useQuery(sessionQueries.caller());
  // Published counts are weekly: daily intervals are asked for only by a caller who sees every area exactly.
  const daily = mayAskDaily(session.data);
  const interval = daily ? state.interval : 'week';
  const queries = campaignQueries(useChosenRelease().release.id);
  const curves = useQuery(queries.progress(id, { areaType: state.areaType, interval }));
  usePreloadAreaMap(state.areaType);
  const london = useQuery(queries.progress(id, { areaType: 'region', interval }));
  // The date lives in the URL (asOf, any day); the latest the data allow is the default, left out of the URL.
  const latestDate = london.data?.asOf;
  const asOf = state.asOf !== undefined && (latestDate === undefined || state.asOf < latestDate) ? state.asOf : undefined;
  const latest = asOf === undefined;
  const boroughsAt = useQuery({ ...queries.progress(id, { areaType: 'borough', interval, asOf }), placeholderData: (previous) => previous });
  const areasAt = useQuery({ ...queries.progress(id, { areaType: state.areaType, interval, asOf }), placeholderData: (previous) => previous });
  const focusAt = useQuery({
    ...queries.progress(id, { areaType: focusLevel === 'borough' ? 'borough' : focusLevel, interval, asOf }),
    placeholderData: (previous) => previous,
    enabled: focusLevel !== 'borough',
  });
  const focusRow = (focusLevel === 'borough' ? boroughsAt.data : focusAt.data)?.rows.find((r) => r.areaCode === focusCode);
  const shownDate = latest ? null : boroughsAt.data?.asOf ?? asOf ?? null;
  const onAsOf = (next: string | undefined) => update({ asOf: next }, { replace: true });
  const onSelectArea = (code: string) => update({ area: code });
  // The focus picker chooses the ICB too (as on the other views): the ranking lists its boroughs, and later views follow it.
  const onPickArea = (code: string) => update(areaChoice(code));
  const rankedIcb = ICBS.find((i) => i.code === chosenIcb(state.icb));
  // The list covers the ICB in focus, else an ICS token's own ICB, else all London.
  const listIcb = state.icb ?? (focusLevel === 'icb' ? focusCode : focusLevel === 'borough' ? BOROUGHS.find((b) => b.code === focusCode)?.parent : undefined) ?? session.data?.icb ?? LONDON.code;
  const equityFilter = {
    areaType: focusLevel,
    interval,
    ...(focusLevel === 'borough' ? { parent: BOROUGHS.find((b) => b.code === focusCode)?.parent } : {}),
  };
  const atWhat = campaign.eligible.label ? `children ${campaign.eligible.label}` : 'eligible children';

  return (
    <>
      <h1>{campaign.name}</h1>
      {london.data && latestDate ? (
        <AsOfBar value={asOf ?? latestDate} min={london.data.campaign.opens} max={latestDate} figuresTo={boroughsAt.isPlaceholderData ? undefined : boroughsAt.data?.asOf}
          weekEndsOn={london.data.campaign.weekEndsOn} onChange={onAsOf} />
      ) : london.isError ? <PanelError error={london.error} onRetry={() => void london.refetch()} /> : <AsOfBarPlaceholder />}
      <p className="lede">
        Progress among {atWhat} towards {formatPercent(campaign.target.uptake, 0)} by {formatDate(campaign.target.by)}: doses given each {interval}, uptake against the trajectory,
        where uptake lags, who is being reached, and which practices have the most children still to vaccinate.
      </p>
      <div className="controls">
        {picker}
        <SelectField label="Areas" value={state.areaType} options={[{ value: 'borough', label: 'Boroughs' }, { value: 'icb', label: 'ICBs' }]} onChange={(areaType) => update({ areaType })} />
        {daily && <SelectField label="Interval" value={interval} options={[{ value: 'week', label: 'Weekly' }, { value: 'day', label: 'Daily' }]} onChange={(next) => update({ interval: next })} />}
        <SelectField label="Map shows" value={state.measure} options={[{ value: 'uptake', label: 'Uptake (%)' }, { value: 'unvaccinated', label: `Still to vaccinate for ${formatPercent(campaign.target.uptake, 0)}` }]} onChange={(measure) => update({ measure }, { replace: true })} />
        <AreaPicker label="Focus area" value={focusCode} onChange={onPickArea} />
      </div>
      {/* The report is for London, or for the ICB in focus (an ICS token reports on its own ICB only). */}
      <SitrepDownload id={id} asOf={asOf} icb={focusLevel === 'icb' ? focusCode : undefined} areaName={focusLevel === 'icb' ? focusName : 'London'} />

      {/* The week's figures and the map side by side, the ranking across the page below them; on a phone the ranking comes before the map. */}
      <div className="campaign-layout campaign-layout--top">
        <ErrorBoundary>
          {boroughsAt.isError ? <PanelError error={boroughsAt.error} onRetry={() => void boroughsAt.refetch()} />
            : focusAt.isError ? <PanelError error={focusAt.error} onRetry={() => void focusAt.refetch()} />
            : !boroughsAt.data || (focusLevel !== 'borough' && !focusAt.data) ? <Skeleton label="Loading this week’s figures…" height={420} />
            : <ThisWeekPanel campaign={campaign} focus={focusRow} focusName={focusName} boroughs={boroughsAt.data} latest={latest} />}
        </ErrorBoundary>
        <ErrorBoundary>
          {boroughsAt.data && (
            <TrajectoryRankingTable campaign={campaign} boroughs={boroughsAt.data} onSelectArea={onSelectArea}
              icb={rankedIcb} onAllLondon={() => update({ icb: undefined, area: focusLevel === 'icb' ? undefined : state.area })} />
          )}
        </ErrorBoundary>
        <ErrorBoundary>
          {curves.isError || areasAt.isError ? <PanelError error={(curves.error ?? areasAt.error)!} onRetry={() => { void curves.refetch(); void areasAt.refetch(); }} />
            : !curves.data || !areasAt.data ? <Skeleton label="Loading map…" height={420} />
            : <CampaignMapPanel at={areasAt.data} whole={curves.data} measure={state.measure} targetUptake={campaign.target.uptake} selected={focusCode} onSelect={onSelectArea} />}
        </ErrorBoundary>
      </div>

      <ErrorBoundary>
        {curves.isError || london.isError ? <PanelError error={(curves.error ?? london.error)!} onRetry={() => { void curves.refetch(); void london.refetch(); }} />
          : !curves.data || !london.data ? <Skeleton label="Loading uptake curves…" height={480} />
          : <UptakeCurvesPanel campaign={campaign} areas={curves.data} london={london.data} selected={focusCode} currentDate={latest ? null : shownDate} />}
      </ErrorBoundary>

      <div className="campaign-layout campaign-layout--even">
        {(['deprivation', 'ethnicity'] as const).map((by) => (
          <ErrorBoundary key={by}>
            <EquityPanel campaign={campaign} id={id} filter={equityFilter} areaCode={focusCode} areaName={focusName} by={by} currentDate={latest ? null : shownDate}
              access={focusLevel === 'region' || seesExactCampaignCounts(session.data, focusCode) ? 'allowed' : session.isPending ? 'pending' : 'token-needed'} />
          </ErrorBoundary>
        ))}
      </div>

      <ErrorBoundary>
        <OutreachListPanel campaign={campaign} id={id} level={state.list} icb={listIcb} asOf={asOf} onLevel={(list) => update({ list })} onIcb={(icb) => update({ icb })} />
      </ErrorBoundary>

      <CampaignAbout campaign={campaign} />
    </>
  );
}
