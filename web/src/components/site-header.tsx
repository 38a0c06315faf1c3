import { useQuery } from '@tanstack/react-query';
import { releaseQueries } from '../api/queries.ts';
import { bootRelease } from '../api/boot-release.ts';
import { Link, useLocation } from '../routing/router.tsx';
import { TokenControl } from './token-control.tsx';
import { formatDate } from '../format/format-date.ts';

const NAV = [
  { to: '/', label: 'Overview', match: (p: string) => p === '/' },
  { to: '/indicators/imm-mmr1-24m', label: 'Indicators', match: (p: string) => p.startsWith('/indicators') },
  { to: '/areas/E12000007', label: 'Area profiles', match: (p: string) => p.startsWith('/areas') },
  { to: '/practices', label: 'Practices', match: (p: string) => p.startsWith('/practices') },
  { to: '/inequalities', label: 'Inequalities', match: (p: string) => p.startsWith('/inequalities') },
  { to: '/campaigns/polio-ipv-2022', label: 'Campaigns', match: (p: string) => p.startsWith('/campaigns') },
  { to: '/explore', label: 'Explore', match: (p: string) => p.startsWith('/explore') },
];

/** NHS-style header: title, release and data-as-at, navigation, and a banner whenever the data is synthetic. */
export function SiteHeader() {
  const { data, isError } = useQuery(releaseQueries.current());
  const release = data?.release ?? bootRelease;
  const { pathname } = useLocation();
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="site-header__title">Pathfinder Monitor</Link>
        <span className="site-header__release">
          {release ? <>Release {release.id} · data as at {formatDate(release.dataAsAt)}</> : isError ? 'Release unavailable' : 'Loading release…'}
        </span>
        <TokenControl />
      </div>
      <nav className="site-nav" aria-label="Main">
        <ul>
          {NAV.map((n) => (
            <li key={n.to}>
              <Link to={n.to} aria-current={n.match(pathname) ? 'page' : undefined}>{n.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {release?.synthetic && (
        <p className="synthetic-banner" role="note">
          <strong>Synthetic data</strong> — generated for demonstration; these are not real NHS figures.
        </p>
      )}
    </header>
  );
}
