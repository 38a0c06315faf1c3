import type { ReleaseSummary } from '@pathfinder/metrics';
import { formatDate } from '../format/format-date.ts';

type Source = ReleaseSummary['sources'][number];

/** The release's sources of these indicators' figures (every source when none are named, or when the release does not say which gives what). */
export function sourcesOf(release: ReleaseSummary, indicators: readonly string[] | undefined): Source[] {
  if (!indicators) return release.sources;
  const own = release.sources.filter((s) => !s.indicators || s.indicators.some((id) => indicators.includes(id)));
  return own.length > 0 ? own : release.sources;
}

/** One line naming a source, its licence and the credit it asks for: what a chart export carries. */
export function sourceCredit(source: Source): string {
  return `${source.name} (${source.publisher}), ${source.licence}. ${source.attribution}`;
}

/** Where the figures on the page come from: each source of the release with its licence and attribution, and the data-as-at date. */
export function ReleaseSources({ release }: { release: ReleaseSummary }) {
  return (
    <section className="release-sources" aria-labelledby="release-sources-title" data-testid="release-sources">
      <h2 id="release-sources-title" className="nhsuk-heading-s">About these figures</h2>
      <p className="nhsuk-body-s">
        {release.synthetic ? 'Synthetic data generated for demonstration, not real NHS figures. ' : ''}
        Release {release.id}, data as at {formatDate(release.dataAsAt)}
        {release.disclosure?.policy === 'published-open-data' ? '; counts are shown as their publisher released them.' : release.disclosure ? '; small counts are suppressed and the rest rounded to 5 for the public.' : '.'}
      </p>
      {release.sources.length > 0 && (
        <ul className="nhsuk-list nhsuk-body-s">
          {release.sources.map((s) => (
            <li key={`${s.name}|${s.publisher}`}>
              {s.url ? <a href={s.url}>{s.name}</a> : s.name}, {s.publisher}{s.contributes ? ` (${s.contributes})` : ''}. Licence: {s.licenceUrl ? <a href={s.licenceUrl}>{s.licence}</a> : s.licence}. {s.attribution}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
