import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, type LinkOptions } from '@tanstack/react-router';
import { bootRelease } from '../api/boot-release.ts';
import { useReleaseChoice } from '../api/chosen-release.tsx';
import { releaseQueries } from '../api/queries.ts';
import { releaseOffer, resolveRelease, type ReleaseOffer } from '../api/release-offer.ts';
import { formatDate } from '../format/format-date.ts';
import { chosenIcb } from '../routing/chosen-icb.ts';
import { DataSourceSwitch } from './data-source-switch.tsx';
import { TokenControl } from './token-control.tsx';
import { CopyLinkButton } from './copy-link-button.tsx';

// `section` marks the link current on every page of its view, not only on the page it opens;
// `offered` leaves out views the release shown has no data for.
const NAV = [
  { label: 'Overview', section: '/', link: { to: '/' }, offered: () => true },
  { label: 'Attention', section: '/attention', link: { to: '/attention' }, offered: () => true },
  { label: 'Indicators', section: '/indicators/', link: { to: '/indicators/$id', params: { id: 'imm-mmr1-24m' } }, offered: () => true },
  { label: 'Area profiles', section: '/areas/', link: { to: '/areas/$code', params: { code: 'E12000007' } }, offered: () => true },
  { label: 'Practices', section: '/practices', link: { to: '/practices' }, offered: (o: ReleaseOffer) => o.practices },
  { label: 'Inequalities', section: '/inequalities', link: { to: '/inequalities' }, offered: (o: ReleaseOffer) => o.hasBreakdown('deprivation') || o.hasBreakdown('ethnicity') || o.hasBreakdown('sex') },
  { label: 'Campaigns', section: '/campaigns/', link: { to: '/campaigns/$id', params: { id: 'polio-ipv-2022' } }, offered: (o: ReleaseOffer) => o.events },
  { label: 'Explore', section: '/explore', link: { to: '/explore' }, offered: (o: ReleaseOffer) => o.events },
] as const satisfies readonly { label: string; section: string; link: LinkOptions; offered: (offer: ReleaseOffer) => boolean }[];

const inSection = (pathname: string, section: string) => (section === '/' ? pathname === '/' : pathname.startsWith(section));

/** NHS-style header: title, data source switch with the release's data-as-at, navigation, and a banner whenever the data shown is synthetic. */
export function SiteHeader() {
  const choice = useReleaseChoice();
  const { data, isError } = useQuery(releaseQueries.list());
  // Before the list arrives, the release the server put in the page stands for the current one.
  const listed = data ? resolveRelease(data.releases, choice) : null;
  const release = listed ?? (choice === undefined && !data ? bootRelease : null);
  const offer = listed ? releaseOffer(listed) : null;
  const pathname = useLocation({ select: (location) => location.pathname });
  // Every link keeps the chosen ICB (route-tree.tsx); the area profiles open on it.
  const icb = useLocation({ select: (location) => chosenIcb((location.search as Record<string, unknown>).icb) });
  // The navigation's first link names the page, the indicator link the one most data sources have.
  const indicator = offer && !offer.hasIndicator('imm-mmr1-24m') ? offer.indicators[0]?.id : undefined;
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link to="/" activeOptions={{ exact: true }} className="nhsuk-header__service-name">Pathfinder Monitor</Link>
        </div>
        <div className="site-header__tools">
          <DataSourceSwitch />
          <span className="site-header__release">
            {release ? <>Release {release.id} · data as at {formatDate(release.dataAsAt)}</> : isError ? 'Release unavailable' : data ? null : 'Loading release…'}
          </span>
          <CopyLinkButton releaseId={release?.id ?? null} />
          <TokenControl />
        </div>
      </div>
      <nav className="nhsuk-header__navigation" aria-label="Main">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            {NAV.filter((n) => !offer || n.offered(offer)).map((n) => (
              <li key={n.label} className="nhsuk-header__navigation-item">
                <Link {...n.link} {...(n.label === 'Indicators' && indicator ? { params: { id: indicator } } : {})} {...(n.label === 'Area profiles' && icb ? { params: { code: icb } } : {})} className="nhsuk-header__navigation-link" activeOptions={{ exact: true, includeSearch: false }} aria-current={inSection(pathname, n.section) ? 'page' : undefined}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      {release?.synthetic && (
        <p className="synthetic-banner" role="note" data-testid="synthetic-banner">
          <strong>Synthetic data</strong> — generated for demonstration; these are not real NHS figures.
        </p>
      )}
    </header>
  );
}
