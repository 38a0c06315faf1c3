import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { ICBS, LONDON, type Session } from '@pathfinder/metrics';
import { errorMessage } from '../api/api-problem.ts';
import type { CampaignDefinition, CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { campaignQueries } from '../api/campaign-queries.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { releaseQueries, sessionQueries } from '../api/queries.ts';
import { CampaignAbout } from '../campaigns/campaign-about.tsx';
import { CampaignMapPanel } from '../campaigns/campaign-map-panel.tsx';
import { EquityPanel } from '../campaigns/equity-panel.tsx';
import { seesExactCampaignCounts } from '../campaigns/sees-exact-campaign-counts.ts';
import { SitrepFurthestBehind, SitrepWeekTable } from '../campaigns/sitrep-areas.tsx';
import { SitrepHeadline } from '../campaigns/sitrep-headline.tsx';
import { SitrepNotes } from '../campaigns/sitrep-notes.tsx';
import { UptakeCurvesPanel } from '../campaigns/uptake-curves-panel.tsx';
import { usePrintReady } from '../campaigns/use-print-ready.ts';
import { formatDate } from '../format/format-date.ts';
import { NotInRelease } from './not-in-release.tsx';
import '../theme/views.css';
import '../theme/campaign.css';
import '../theme/sitrep.css';

const route = getRouteApi('/campaigns/$id/sitrep');
const ignore = () => undefined;

/**
 * The campaign's situation report, made to be printed (GET /campaigns/{id}/sitrep.pdf prints it):
 * the campaign view's panels for one date and one area (London, or an ICB), with the facts that pin
 * it (as-of date, release id, manifest SHA-256) and no clock: the same inputs print the same text.
 * Marks itself `data-print-ready` once every figure is drawn, or `data-print-failed` with the reason.
 */
export default function CampaignSitrepPage() {
  const { offer } = useChosenRelease();
  return offer.events ? <Sitrep /> : <NotInRelease what="vaccination campaigns, which are counted from event-level immunisation records" />;
}

function Sitrep() {
  const { id } = route.useParams();
  const { asOf, icb } = route.useSearch();
  const { release } = useChosenRelease();
  const queries = campaignQueries(release.id);
  const list = useQuery(queries.list());
  const session = useQuery(sessionQueries.caller());
  const digest = useQuery(releaseQueries.manifestDigest(release.id));
  const filter = { interval: 'week', asOf } as const;
  const region = useQuery(queries.progress(id, { ...filter, areaType: 'region' }));
  const icbs = useQuery({ ...queries.progress(id, { ...filter, areaType: 'icb' }), enabled: icb !== undefined });
  const boroughs = useQuery(queries.progress(id, { ...filter, areaType: 'borough', parent: icb }));
  const root = useRef<HTMLDivElement>(null);
  const campaign = list.data?.campaigns.find((c) => c.id === id);
  const all = [list, session, digest, region, boroughs, ...(icb ? [icbs] : [])];
  const failure = all.find((q) => q.isError)?.error;
  const loaded = all.every((q) => q.isSuccess);
  const drawn = usePrintReady(root, loaded && campaign !== undefined);
  const failed = failure ? errorMessage(failure) : list.data && !campaign ? `no campaign with id ${id}` : drawn.failed;
  const ready = drawn.ready;

  return (
    <div className="sitrep" ref={root} data-print-ready={ready && !failed ? '' : undefined} data-print-failed={failed}>
      {failed ? (
        <>
          <h1>Situation report</h1>
          <p role="alert">This report cannot be made: {failed}.</p>
        </>
      ) : !loaded || !campaign || !session.data || !digest.data || !region.data || !boroughs.data ? (
        <p role="status">Preparing the report…</p>
      ) : (
        <SitrepBody campaign={campaign} session={session.data} sha256={digest.data.sha256} asOf={asOf ?? region.data.asOf} icb={icb}
          region={region.data} focusRow={icb ? icbs.data?.rows.find((r) => r.areaCode === icb) : region.data.rows.find((r) => r.areaCode === LONDON.code)} boroughs={boroughs.data} />
      )}
    </div>
  );
}

function SitrepBody({ campaign, session, sha256, asOf, icb, region, focusRow, boroughs }: {
  campaign: CampaignDefinition;
  session: Session;
  sha256: string;
  asOf: string;
  icb: string | undefined;
  region: CampaignProgressData;
  focusRow: CampaignProgressRow | undefined;
  boroughs: CampaignProgressData;
}) {
  const { release } = useChosenRelease();
  const areaCode = icb ?? LONDON.code;
  const areaName = icb ? `${ICBS.find((i) => i.code === icb)?.shortName ?? icb} ICB` : 'London';
  const access = !icb || seesExactCampaignCounts(session, icb) ? 'allowed' : 'token-needed';
  return (
    <>
      <header className="sitrep-cover">
        <p className="sitrep-kicker">Situation report{release.synthetic ? ' · synthetic data, not real NHS figures' : ''}</p>
        <h1>{campaign.name}: {areaName}</h1>
        <dl className="sitrep-facts" data-testid="sitrep-facts">
          <dt>As of</dt><dd><time dateTime={asOf}>{formatDate(asOf)}</time> ({asOf}){boroughs.asOf !== asOf ? `; figures to the week ending ${formatDate(boroughs.asOf)}` : ''}</dd>
          <dt>Area</dt><dd>{areaName} ({areaCode})</dd>
          <dt>Release</dt><dd>{release.id} ({release.kind}{release.synthetic && release.kind !== 'synthetic' ? ', synthetic' : ''}), data as at {formatDate(release.dataAsAt)}</dd>
          <dt>Manifest SHA-256</dt><dd className="sitrep-hash">{sha256}</dd>
          <dt>Figures for</dt><dd>{session.role === 'public' ? 'the public: disclosure-controlled' : session.role === 'ics' ? `an ICS token for ${session.icb}` : `a ${session.role} token`}</dd>
        </dl>
      </header>

      <section className="panel sitrep-section" aria-labelledby="sitrep-headline">
        <h2 id="sitrep-headline">Headline numbers</h2>
        <SitrepHeadline campaign={campaign} row={focusRow} areaName={areaName} figuresTo={boroughs.asOf} />
      </section>

      <SitrepFurthestBehind campaign={campaign} boroughs={boroughs} />
      <SitrepNotes campaign={campaign} release={release} session={session} answer={boroughs} asOf={asOf} areaCode={areaCode} areaName={areaName} />

      <div className="sitrep-page-break">
        <UptakeCurvesPanel campaign={campaign} areas={boroughs} london={region} selected={areaCode} currentDate={null} />
      </div>

      <div className="sitrep-page-break">
        <CampaignMapPanel at={boroughs} whole={boroughs} measure="uptake" targetUptake={campaign.target.uptake} selected={areaCode} onSelect={ignore} />
      </div>

      <div className="sitrep-page-break sitrep-equity">
        {(['deprivation', 'ethnicity'] as const).map((by) => (
          <EquityPanel key={by} campaign={campaign} id={campaign.id} filter={{ areaType: icb ? 'icb' : 'region', interval: 'week', asOf }} areaCode={areaCode} areaName={areaName} by={by} currentDate={null} access={access} printed />
        ))}
      </div>

      <div className="sitrep-page-break">
        <SitrepWeekTable boroughs={boroughs} />
      </div>
      <CampaignAbout campaign={campaign} />
    </>
  );
}
