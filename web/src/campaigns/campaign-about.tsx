import { useId } from 'react';
import { BOROUGHS, LONDON } from '@pathfinder/metrics';
import type { CampaignDefinition } from '../api/api-types.ts';
import { formatDate } from '../format/format-date.ts';
import { formatPercent } from '../format/format-number.ts';

const boroughName = new Map(BOROUGHS.map((b) => [b.code, b.name]));
const names = (codes: readonly string[]) => codes.map((c) => boroughName.get(c) ?? c).sort().join(', ');

/** The campaign's definition in words: who is eligible, where and when it runs, the target and where it comes from. */
export function CampaignAbout({ campaign }: { campaign: CampaignDefinition }) {
  const headingId = useId();
  return (
    <section className="panel definition" aria-labelledby={headingId}>
      <h2 id={headingId}>About this campaign</h2>
      <p>{campaign.description}</p>
      <dl>
        <dt>Eligible</dt>
        <dd>Children born {formatDate(campaign.eligible.bornFrom)} to {formatDate(campaign.eligible.bornTo)}{campaign.eligible.label ? ` (${campaign.eligible.label})` : ''}{campaign.unvaccinatedAtStart && !campaign.eligible.label ? ', with no counting dose before the campaign opened' : ''}.</dd>
        <dt>Doses that count</dt>
        <dd>{campaign.dose === null ? 'Any dose' : `Dose ${campaign.dose}`} of {campaign.vaccine}; a child counts once, at the first.</dd>
        <dt>Where</dt>
        <dd>{campaign.areas === LONDON.code ? 'Every London borough' : names(campaign.areas as readonly string[])}.</dd>
        <dt>When</dt>
        <dd>
          {campaign.priorityAreas.length > 0
            ? <>{campaign.priorityAreas.map((g) => `${g.label ?? 'Priority boroughs'} (${names(g.boroughs)}) from ${formatDate(g.start)}; `).join('')}all other boroughs from {formatDate(campaign.start)}</>
            : <>From {formatDate(campaign.start)}</>}
          {' '}to {formatDate(campaign.end)}.
        </dd>
        <dt>Target</dt>
        <dd>{formatPercent(campaign.target.uptake, 0)} by {formatDate(campaign.target.by)}: {campaign.target.label}. {campaign.target.source}</dd>
      </dl>
    </section>
  );
}
