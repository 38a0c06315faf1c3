import { useQuery } from '@tanstack/react-query';
import { indicatorQueries } from '../api/indicator-queries.ts';

/** Title bar with the release being shown, and a banner whenever the data is synthetic. */
export function SiteHeader() {
  const { data } = useQuery(indicatorQueries.list());
  const meta = data?.meta;
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <span className="site-header__title">Pathfinder Monitor</span>
        <span className="site-header__release">
          {meta ? <>Release {meta.releaseId} · data as at {formatDate(meta.dataAsAt)}</> : 'Loading release…'}
        </span>
      </div>
      {meta?.synthetic && (
        <p className="synthetic-banner" role="note">
          <strong>Synthetic data</strong> — generated for demonstration; these are not real NHS figures.
        </p>
      )}
    </header>
  );
}

const formatDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
