import { useId } from 'react';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { useQuery } from '@tanstack/react-query';
import { ICBS } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import type { CampaignDefinition, CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { campaignQueries } from '../api/campaign-queries.ts';
import { practiceRefusalOf, usePracticeAccess, type PracticeRefusal } from '../api/practice-access.ts';
import { DataTable, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob, slug } from '../components/download.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { intervalLabel } from './campaign-format.ts';
import { formatCount, formatPercent } from '../format/format-number.ts';

type ListLevel = 'practice' | 'pcn';
const LEVEL_LABEL: Record<ListLevel, { plural: string; one: string }> = { practice: { plural: 'Practices', one: 'Practice' }, pcn: { plural: 'PCNs', one: 'PCN' } };

interface RankedRow {
  readonly rank: number;
  readonly row: CampaignProgressRow;
}

/**
 * Practices or PCNs of one ICB ranked by the children still needed to reach the campaign target,
 * with the list as CSV. Practice figures need an ICS or regional token: without one (or with a
 * token for another ICB) the boroughs are ranked instead, and the panel says why.
 */
export function OutreachListPanel({ campaign, id, level, icb, interval, asOf, boroughs, onLevel, onIcb }: {
  campaign: CampaignDefinition;
  id: string;
  level: ListLevel;
  icb: string;
  interval: 'week' | 'day';
  asOf: string | undefined;
  boroughs: CampaignProgressData;
  onLevel: (level: ListLevel) => void;
  onIcb: (icb: string) => void;
}) {
  const headingId = useId();
  const access = usePracticeAccess(icb);
  const query = useQuery({ ...campaignQueries(useChosenRelease().release.id).progress(id, { areaType: level, parent: icb, interval, asOf }), retry: retryUnlessRefused, enabled: access.state === 'allowed' });
  const icbName = ICBS.find((i) => i.code === icb)?.shortName ?? icb;
  const refusal = access.state === 'refused' ? access.refusal : query.isError ? (practiceRefusalOf(query.error) ?? undefined) : undefined;
  const shown = refusal ? { data: boroughs, title: 'Boroughs', one: 'Borough' } : query.data ? { data: query.data, title: `${LEVEL_LABEL[level].plural} in ${icbName}`, one: LEVEL_LABEL[level].one } : null;
  const ranked = shown ? rankByGap(shown.data.rows) : [];
  const columns = rankedColumns(campaign, shown?.one ?? LEVEL_LABEL[level].one);
  const title = `Where to send outreach: ${shown?.title ?? LEVEL_LABEL[level].plural}`;
  return (
    <section className="panel outreach" aria-labelledby={headingId}>
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        {shown && ranked.length > 0 && (
          <div className="chart-panel__actions">
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(columns, ranked)], { type: 'text/csv' }), `${slug(`${campaign.id} ${title} ${shown.data.asOf}`)}.csv`)}>Download CSV</button>
          </div>
        )}
      </div>
      <div className="controls">
        <SelectField label="List" value={level} options={[{ value: 'practice', label: 'GP practices' }, { value: 'pcn', label: 'Primary care networks (PCNs)' }]} onChange={onLevel} />
        <SelectField label="ICB" value={icb} options={ICBS.map((i) => ({ value: i.code, label: i.shortName }))} onChange={onIcb} />
      </div>
      {refusal && <AccessNotice refusal={refusal} level={level} icbName={icbName} />}
      {shown ? (
        <>
          <p className="chart-panel__description">
            {intervalLabel(shown.data.asOf, shown.data.interval)}. Ranked by the children still to vaccinate to reach {formatPercent(campaign.target.uptake, 0)} (the target): where outreach is needed most.
            {' '}{formatCount(ranked.length)} {ranked.length === 1 ? 'row' : 'rows'}; select a column heading to sort.
          </p>
          {ranked.length === 0 ? <p className="empty-state">No {shown.title.toLowerCase()} in this campaign.</p> : <DataTable caption={title} captionHidden columns={columns} rows={ranked} rowKey={(r) => r.row.areaCode} initialSort={{ key: 'rank' }} />}
        </>
      ) : access.state === 'error' ? (
        <PanelError error={access.error} onRetry={access.retry} />
      ) : query.isError ? (
        <PanelError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Skeleton label={`Loading ${LEVEL_LABEL[level].plural.toLowerCase()}…`} height={480} />
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

function rankByGap(rows: readonly CampaignProgressRow[]): RankedRow[] {
  return [...rows]
    .sort((a, b) => (b.gapToTarget ?? -1) - (a.gapToTarget ?? -1) || a.areaName.localeCompare(b.areaName))
    .map((row, i) => ({ rank: i + 1, row }));
}

function rankedColumns(campaign: CampaignDefinition, oneLabel: string): Column<RankedRow>[] {
  const count = (n: number | null) => (n === null ? '*' : formatCount(n));
  const perWeek = (r: RankedRow) => (r.row.runRateNeededPerWeek === null ? null : Math.ceil(r.row.runRateNeededPerWeek));
  const perWeekText = (r: RankedRow) => (r.row.gapToTarget === null ? '*' : r.row.runRateNeededPerWeek === null ? 'date passed' : formatCount(perWeek(r)));
  return [
    { key: 'rank', header: 'Rank', value: (r) => r.rank, numeric: true, render: (r) => String(r.rank) },
    { key: 'code', header: 'Code', value: (r) => r.row.areaCode },
    { key: 'name', header: oneLabel, value: (r) => r.row.areaName },
    { key: 'gap', header: `Still needed for ${formatPercent(campaign.target.uptake, 0)}`, value: (r) => r.row.gapToTarget, numeric: true, render: (r) => count(r.row.gapToTarget) },
    { key: 'behind', header: 'Behind trajectory', value: (r) => r.row.behindBy, numeric: true, render: (r) => count(r.row.behindBy) },
    { key: 'eligible', header: 'Eligible', value: (r) => r.row.eligible, numeric: true, render: (r) => count(r.row.eligible) },
    { key: 'vaccinated', header: 'Vaccinated', value: (r) => r.row.vaccinated, numeric: true, render: (r) => count(r.row.vaccinated) },
    { key: 'uptake', header: 'Uptake (%)', value: (r) => r.row.uptake, numeric: true },
    { key: 'rate', header: 'Needed a week', value: perWeek, numeric: true, render: perWeekText },
  ];
}
