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
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" activeOptions={{ exact: true }} className="site-header__title">Pathfinder Monitor</Link>
        <span className="site-header__release">
          {release ? <>Release {release.id} · data as at {formatDate(release.dataAsAt)}</> : isError ? 'Release unavailable' : 'Loading release…'}
        </span>
        <TokenControl />
      </div>
      <nav className="site-nav" aria-label="Main">
        <ul>
          {NAV.map((n) => (
            <li key={n.label}>
              <Link {...n.link} activeOptions={{ exact: true, includeSearch: false }} aria-current={inSection(pathname, n.section) ? 'page' : undefined}>{n.label}</Link>
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
