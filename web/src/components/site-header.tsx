import { useQuery } from '@tanstack/react-query';
import { releaseQueries } from '../api/queries.ts';
import { bootRelease } from '../api/boot-release.ts';
import { Link, useLocation } from '../routing/router.tsx';
import { TokenControl } from './token-control.tsx';

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
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link to="/" className="nhsuk-header__service-name">Pathfinder Monitor</Link>
        </div>
        <div className="site-header__tools">
          <span className="site-header__release">
            {release ? <>Release {release.id} · data as at {formatDate(release.dataAsAt)}</> : isError ? 'Release unavailable' : 'Loading release…'}
          </span>
          <TokenControl />
        </div>
      </div>
      <nav className="nhsuk-header__navigation" aria-label="Main">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            {NAV.map((n) => (
              <li key={n.to} className="nhsuk-header__navigation-item">
                <Link to={n.to} className="nhsuk-header__navigation-link" aria-current={n.match(pathname) ? 'page' : undefined}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      {release?.synthetic && (
        <p className="synthetic-banner" role="note">
          <strong>Synthetic data</strong> — generated for demonstration; these are not real NHS figures.
        </p>
      )}
    </header>
  );
}

// One formatter, made while the app loads: toLocaleDateString would build one (and load its locale
// data) on every call, the first of them in the task that shows the page.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An ISO date as e.g. "31 March 2025". */
export const formatDate = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));
