import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ICBS, LONDON } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import type { CampaignDefinition, CampaignOutreachData } from '../api/api-types.ts';
import { campaignQueries, type CampaignOutreachFilter } from '../api/campaign-queries.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { practiceRefusalOf, usePracticeAccess, type PracticeRefusal } from '../api/practice-access.ts';
import { sessionQueries } from '../api/queries.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { formatDate } from '../format/format-date.ts';
import { formatCount, formatPercent } from '../format/format-number.ts';
import { OutreachDownload } from './outreach-download.tsx';

type ListLevel = 'practice' | 'pcn';
type OutreachRow = CampaignOutreachData['rows'][number];
const LEVEL_LABEL = { practice: { plural: 'Practices', one: 'Practice' }, pcn: { plural: 'PCNs', one: 'PCN' }, borough: { plural: 'Boroughs', one: 'Borough' } } as const;
/** Rows drawn until the user asks for all: the top of the list is where outreach starts, and every London practice would be a thousand rows. */
const FIRST_ROWS = 100;
const icbShortName = (code: string) => ICBS.find((i) => i.code === code)?.shortName ?? code;

/**
 * Practices or PCNs of all London (or one ICB) ranked by the children still needed to reach the
 * campaign target, each with its borough and ICB, and the list as the server's CSV. Practice figures
 * need an ICS token (its own ICB's; "London" lists those) or a regional one: without one (or for
 * another ICB) the boroughs are ranked instead, and the panel says why.
 */
export function OutreachListPanel({ campaign, id, level, icb, asOf, onLevel, onIcb }: {
  campaign: CampaignDefinition;
  id: string;
  level: ListLevel;
  /** An ICB code, or London's: every area the caller sees. */
  icb: string;
  asOf: string | undefined;
  onLevel: (level: ListLevel) => void;
  onIcb: (icb: string) => void;
}) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const session = useQuery(sessionQueries.caller());
  const london = icb === LONDON.code;
  // "London" for an ics token is its own ICB's practices: the server lists no other.
  const ownIcb = session.data?.role === 'ics' ? session.data.icb : null;
  const access = usePracticeAccess(london ? ownIcb ?? icb : icb);
  const refused = access.state === 'refused';
  const filter: CampaignOutreachFilter = { level: refused ? 'borough' : level, icb: london ? undefined : icb, asOf };
  const query = useQuery({ ...campaignQueries(useChosenRelease().release.id).outreach(id, filter), retry: retryUnlessRefused, enabled: access.state === 'allowed' || refused });
  const refusal = refused ? access.refusal : query.isError ? (practiceRefusalOf(query.error) ?? undefined) : undefined;
  const where = london ? (ownIcb && !refused ? `${icbShortName(ownIcb)} (your token’s ICB)` : 'London') : icbShortName(icb);
  const title = `Where to send outreach: ${LEVEL_LABEL[filter.level].plural} in ${where}`;
  const target = formatPercent(campaign.target.uptake, 0);
  return (
    <section className="panel outreach" aria-labelledby={headingId}>
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        {query.data && query.data.rows.length > 0 && <OutreachDownload id={id} filter={filter} />}
      </div>
      <div className="controls">
        <SelectField label="List" value={level} options={[{ value: 'practice', label: 'GP practices' }, { value: 'pcn', label: 'Primary care networks (PCNs)' }]} onChange={onLevel} />
        <SelectField label="ICB" value={icb} options={[{ value: LONDON.code, label: 'All London' }, ...ICBS.map((i) => ({ value: i.code, label: i.shortName }))]} onChange={onIcb} />
      </div>
      {refusal && <AccessNotice refusal={refusal} level={level} icbName={icbShortName(icb)} />}
      {query.data ? (
        <>
          <p className="chart-panel__description">
            Figures to {formatDate(query.data.asOf)}. Ranked by the children still to vaccinate to reach the {target} target (not all eligible children): where outreach is needed most.
            The last column projects each one’s current rate to {formatDate(campaign.target.by)}.
            {' '}{formatCount(query.data.rows.length)} {query.data.rows.length === 1 ? 'row' : 'rows'}{!showAll && query.data.rows.length > FIRST_ROWS ? `, the first ${FIRST_ROWS} shown (the CSV has every one)` : ''}; select a column heading to sort. * hidden (small numbers).
          </p>
          <DataTable caption={title} captionHidden columns={outreachColumns(campaign, filter.level)} rows={showAll ? query.data.rows : query.data.rows.slice(0, FIRST_ROWS)} rowKey={(r) => r.areaCode} initialSort={{ key: 'rank' }} />
          {!showAll && query.data.rows.length > FIRST_ROWS && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setShowAll(true)}>Show all {formatCount(query.data.rows.length)} rows</button>
          )}
        </>
      ) : access.state === 'error' ? (
        <PanelError error={access.error} onRetry={access.retry} />
      ) : query.isError && !refusal ? (
        <PanelError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Skeleton label={`Loading ${LEVEL_LABEL[filter.level].plural.toLowerCase()}…`} height={480} />
      )}
    </section>
  );
}

function AccessNotice({ refusal: { reason }, level, icbName }: { refusal: PracticeRefusal; level: ListLevel; icbName: string }) {
  const what = level === 'practice' ? 'GP practice' : 'PCN';
  return (
    <div className="nhsuk-inset-text campaign-notice" role="note">
      <p>
        {reason === 'no-token' && <>Figures for each {what} are shown only with an <strong>ICS</strong> access token (its own ICB) or a <strong>regional</strong> access token, because counts for small practices could identify children. Choose <strong>Use an access token</strong> in the header to see them.</>}
        {reason === 'token-refused' && <>Your access token was not accepted, so {what} figures cannot be shown. Remove it in the header and paste a current one.</>}
        {reason === 'other-icb' && <>Your access token does not cover {icbName}: an ICS token shows its own ICB only. Choose your ICB above, or use a regional token.</>}
      </p>
      <p>Meanwhile, here are the boroughs ranked the same way; they need no token.</p>
    </div>
  );
}

function outreachColumns(campaign: CampaignDefinition, level: CampaignOutreachFilter['level']): Column<OutreachRow>[] {
  const count = (n: number | null) => (n === null ? '*' : formatCount(n));
  const target = formatPercent(campaign.target.uptake, 0);
  return [
    { key: 'rank', header: 'Rank', value: (r) => r.rank, numeric: true, render: (r) => String(r.rank) },
    { key: 'name', header: LEVEL_LABEL[level].one, value: (r) => r.areaName },
    ...(level === 'borough' ? [] : [{ key: 'borough', header: 'Borough', value: (r: OutreachRow) => r.boroughName }]),
    { key: 'icb', header: 'ICB', value: (r) => r.icbName },
    { key: 'gap', header: `Still to vaccinate for ${target}`, value: (r) => r.gapToTarget, numeric: true, render: (r) => count(r.gapToTarget) },
    { key: 'behind', header: 'Behind trajectory', value: (r) => r.behindBy, numeric: true, render: (r) => count(r.behindBy) },
    { key: 'eligible', header: 'Eligible', value: (r) => r.eligible, numeric: true, render: (r) => count(r.eligible) },
    { key: 'uptake', header: 'Uptake (%)', value: (r) => r.uptake, numeric: true },
    { key: 'rate', header: 'Needed a week', value: (r) => r.runRateNeededPerWeek, numeric: true, render: (r) => (r.gapToTarget === null ? '*' : r.runRateNeededPerWeek === null ? 'date passed' : formatCount(r.runRateNeededPerWeek)) },
    { key: 'projected', header: `At the current rate, ${formatDate(campaign.target.by)}`, value: (r) => r.projectedShortfall, numeric: true,
      render: (r) => (r.projectedShortfall === null ? '*' : r.projectedShortfall === 0 ? `Reaches ${target}` : `Misses: ${formatCount(r.projectedShortfall)} short`) },
  ];
}
