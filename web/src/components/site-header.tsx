import { useQuery } from '@tanstack/react-query';
import { releaseQueries } from '../api/queries.ts';
import { bootRelease } from '../api/boot-release.ts';
import { Link, useLocation, type LinkOptions } from '@tanstack/react-router';
import { TokenControl } from './token-control.tsx';
import { formatDate } from '../format/format-date.ts';

// `section` marks the link current on every page of its view, not only on the page it opens.
const NAV = [
  { label: 'Overview', section: '/', link: { to: '/' } },
  { label: 'Indicators', section: '/indicators/', link: { to: '/indicators/$id', params: { id: 'imm-mmr1-24m' } } },
  { label: 'Area profiles', section: '/areas/', link: { to: '/areas/$code', params: { code: 'E12000007' } } },
  { label: 'Practices', section: '/practices', link: { to: '/practices' } },
  { label: 'Inequalities', section: '/inequalities', link: { to: '/inequalities' } },
  { label: 'Campaigns', section: '/campaigns/', link: { to: '/campaigns/$id', params: { id: 'polio-ipv-2022' } } },
  { label: 'Explore', section: '/explore', link: { to: '/explore' } },
] as const satisfies readonly { label: string; section: string; link: LinkOptions }[];

const inSection = (pathname: string, section: string) => (section === '/' ? pathname === '/' : pathname.startsWith(section));

/** NHS-style header: title, release and data-as-at, navigation, and a banner whenever the data is synthetic. */
export function SiteHeader() {
  const { data, isError } = useQuery(releaseQueries.current());
  const release = data?.release ?? bootRelease;
  const pathname = useLocation({ select: (location) => location.pathname });
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link to="/" activeOptions={{ exact: true }} className="nhsuk-header__service-name">Pathfinder Monitor</Link>
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
              <li key={n.label} className="nhsuk-header__navigation-item">
                <Link {...n.link} className="nhsuk-header__navigation-link" activeOptions={{ exact: true, includeSearch: false }} aria-current={inSection(pathname, n.section) ? 'page' : undefined}>{n.label}</Link>
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
