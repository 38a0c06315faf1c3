import { useQuery } from '@tanstack/react-query';
import type { ReleaseSummary, Session } from '@pathfinder/metrics';
import { annotationQueries } from '../api/annotation-queries.ts';
import { errorMessage } from '../api/api-problem.ts';
import type { CampaignDefinition, CampaignProgressData } from '../api/api-types.ts';
import { formatDate } from '../format/format-date.ts';
import { formatPercent } from '../format/format-number.ts';

/**
 * What a reader must know to use the report's figures: whose figures they are and how they were
 * protected, where the date snapped to the published weekly grid, areas counted within others,
 * the trajectory's definition, and the dated notes written on the campaign for the report's area
 * up to its date.
 */
export function SitrepNotes({ campaign, release, session, answer, asOf, areaCode, areaName }: {
  campaign: CampaignDefinition;
  release: ReleaseSummary;
  session: Session;
  answer: CampaignProgressData;
  asOf: string;
  areaCode: string;
  areaName: string;
}) {
  const notes = useQuery({ ...annotationQueries.list(campaign.id, areaCode), retry: false });
  const rowNotes = [...new Set(answer.rows.filter((r) => r.note && r.group === null).map((r) => `${r.areaName} ${r.note}.`))];
  return (
    <section className="panel sitrep-section" aria-labelledby="sitrep-notes">
      <h2 id="sitrep-notes">Notes and caveats</h2>
      <ul className="sitrep-caveats">
        {release.synthetic && <li><strong>Synthetic data, not real NHS figures.</strong> Generated for demonstration; do not use for decisions.</li>}
        <li>{disclosureNote(answer.meta.disclosure, session)}</li>
        {answer.asOf !== asOf && <li>The report is for {formatDate(asOf)}; published counts are weekly, so its figures run to the last published week end, {formatDate(answer.asOf)}.</li>}
        {rowNotes.map((note) => <li key={note}>{note}</li>)}
        <li>The trajectory is a straight line from 0% on each area’s start date to the target of {formatPercent(campaign.target.uptake, 0)} on {formatDate(campaign.target.by)}. A child counts once, at the first counting dose.</li>
        <li>Data as at {formatDate(release.dataAsAt)}. Figures are computed from release {release.id} alone; the release’s manifest SHA-256 on the first page pins every file it holds.</li>
      </ul>
      <h3>Notes written on the campaign for {areaName}</h3>
      {notes.isPending ? null
        : notes.isError ? <p className="empty-state">The notes could not be read: {errorMessage(notes.error)}</p>
        : <NoteList notes={notes.data.annotations.filter((n) => n.date <= asOf)} />}
    </section>
  );
}

function NoteList({ notes }: { notes: readonly { id: string; date: string; text: string }[] }) {
  if (notes.length === 0) return <p className="empty-state">No notes up to this date.</p>;
  return (
    <ul className="sitrep-annotations">
      {notes.map((n) => <li key={n.id}><time dateTime={n.date}>{formatDate(n.date)}</time>: {n.text}</li>)}
    </ul>
  );
}

function disclosureNote(disclosure: CampaignProgressData['meta']['disclosure'], session: Session): string {
  const scope = session.role === 'ics' ? `an ICS token for ${session.icb}` : session.role === 'public' ? 'no token' : `a ${session.role} token`;
  if (disclosure === 'none') return `Exact counts, for ${scope}: this report may hold small numbers and must stay within that scope.`;
  if (disclosure === 'as-published') return 'Counts as their publisher released them.';
  return `Public figures (${scope}): counts are rounded to 5 and small numbers suppressed (shown as * or “hidden”) across every linked table, and weekly only.${session.role === 'public' ? '' : ' Areas outside the token’s scope are shown as the public sees them.'}`;
}
