import { useQuery } from '@tanstack/react-query';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { DOMAINS, LONDON, findIndicator, type Domain, type ProfileComparator } from '@pathfinder/metrics';
import { areaQueries } from '../api/queries.ts';
import type { ProfileData } from '../api/api-types.ts';
import { SpineChart, type SpineRow } from '../charts/spine-chart.tsx';
import { worstAndBest } from '../charts/spine-scale.ts';
import { AreaPicker } from '../components/area-picker.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import { ComparisonLegend } from '../components/comparison-legend.tsx';
import type { Column } from '../components/data-table.tsx';
import { DOMAIN_LABELS } from '../components/domain-labels.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { areaLabel, areaLevel, isLondonArea } from '../components/london-areas.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { recentTrendText } from '../components/recent-trend-text.ts';
import { profileComparator, profileComparatorOptions } from '../components/profile-comparator.ts';
import { DOMAIN_TOPICS, profileSummary } from '../components/profile-summary.ts';
import { SelectField } from '../components/select-field.tsx';
import { GlossaryLink } from '../glossary/glossary-link.tsx';
import { areaChoice } from '../routing/chosen-icb.ts';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import { Link, getRouteApi, linkOptions, useNavigate, useRouter } from '@tanstack/react-router';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import '../theme/views.css';
import { formatNumber, formatWithUnit } from '../format/format-number.ts';
import type { AreaProfileSearch } from '@pathfinder/metrics';

type ProfileRow = ProfileData['rows'][number];

const route = getRouteApi('/areas/$code');

/** One area (London, an ICB or a borough): every indicator as a spine chart against the range across its peers. */
export default function AreaProfilePage() {
  const { code } = route.useParams();
  if (!isLondonArea(code)) {
    return (
      <>
        <h1>Area not found</h1>
        <p>There is no London area with code “{code}”. Profiles cover London, its five ICBs and its 33 boroughs: start with <Link to="/areas/$code" params={{ code: LONDON.code }}>London</Link>.</p>
      </>
    );
  }
  return <AreaProfile key={code} code={code} />;
}

function AreaProfile({ code }: { code: string }) {
  const options = profileComparatorOptions(code);
  const chosen = route.useSearch().comparator;
  const comparator = profileComparator(code, chosen);
  const comparatorName = options.find((o) => o.value === comparator)!.label;
  const update = useSearchUpdate<AreaProfileSearch>();
  const profile = useQuery(areaQueries(useChosenRelease().release.id).profile(code, comparator));
  const navigate = useNavigate();
  const name = areaLabel(code);
  const peers = areaLevel(code) === 'icb' ? 'London’s 5 ICBs' : 'London’s 33 boroughs';
  return (
    <>
      <h1>Area profile: {name}</h1>
      <p className="lede">
        Every indicator for {name} at its latest period, compared with {comparatorName} and against the range across {peers}. Each section starts with a summary in plain words. Select an indicator name for its map and trend.
      </p>
      <div className="controls">
        {/* A new area keeps the comparator when it offers it (London has only England), and chooses its ICB for the views after it. */}
        <AreaPicker label="Area" value={code} onChange={(next) => void navigate({ to: '/areas/$code', params: { code: next }, search: { comparator: profileComparatorOptions(next).some((o) => o.value === chosen) ? chosen : undefined, icb: areaChoice(next).icb } })} />
        {options.length > 1 ? (
          <SelectField label="Compare with" value={comparator} options={options} onChange={(next) => update({ comparator: next === options[0]!.value ? undefined : next })} />
        ) : (
          <p className="field">Compared with {comparatorName}.</p>
        )}
      </div>
      <ComparisonLegend />
      <p>
        Each symbol compares {name} with {comparatorName}. What <GlossaryLink id="similar">better, similar and worse</GlossaryLink> mean, and the difference between <GlossaryLink id="confidence-95">95%</GlossaryLink> and <GlossaryLink id="confidence-99-8">99.8% confidence</GlossaryLink>; <GlossaryLink id="suppressed">suppressed</GlossaryLink> figures (*) are not compared. Every term is in the <Link to="/glossary">glossary</Link>.
      </p>
      {profile.isPending ? (
        <Skeleton label="Loading the profile…" height={480} />
      ) : profile.isError ? (
        <PanelError error={profile.error} onRetry={() => void profile.refetch()} />
      ) : profile.data.rows.length === 0 ? (
        <p className="empty-state">There are no indicator values for {name} in this release.</p>
      ) : (
        <div className="profile-domains">
          {DOMAINS.map((domain) => {
            const rows = profile.data.rows.filter((r) => r.domain === domain);
            return rows.length === 0 ? null : (
              <ErrorBoundary key={domain}>
                <DomainPanel domain={domain} rows={rows} code={code} name={name} peers={peers} comparator={comparator} comparatorName={comparatorName} />
              </ErrorBoundary>
            );
          })}
        </div>
      )}
    </>
  );
}

function DomainPanel({ domain, rows, code, name, peers, comparator, comparatorName }: { domain: Domain; rows: readonly ProfileRow[]; code: string; name: string; peers: string; comparator: ProfileComparator; comparatorName: string }) {
  const isLondon = code === LONDON.code;
  const title = `${DOMAIN_LABELS[domain]}: ${name}`;
  const router = useRouter();
  const linkTo = (id: string) => indicatorLink(id, code, comparator);
  const summary = profileSummary({ area: name, comparator: comparatorName, topic: DOMAIN_TOPICS[domain], rows });
  const spineRows: SpineRow[] = rows.map((r) => ({
    id: r.indicatorId,
    name: r.shortName,
    to: router.buildLocation(linkTo(r.indicatorId)).href,
    period: r.period,
    unit: r.unit,
    polarity: r.polarity,
    value: r.value,
    lower95: r.lower95,
    upper95: r.upper95,
    suppressed: r.suppressed,
    london: r.londonValue,
    england: r.englandValue,
    min: r.peerMin,
    q1: r.peerQ1,
    q3: r.peerQ3,
    max: r.peerMax,
    comparison: r.comparison,
    trend: recentTrendText(r.recentTrend),
  }));
  const orientation = `Each row is scaled on its own with England as the centre line, and better is to the right: for indicators where lower is better the scale is mirrored; where there is no better or worse (prevalence), higher is to the right. The light bar spans ${peers} from worst to best and the darker bar their middle half.${isLondon ? '' : ' The diamond is London.'}`;
  return (
    <ChartPanel title={title} source={sourcesOf(rows)} indicators={rows.map((r) => r.indicatorId)} columns={profileColumns(linkTo, comparator, comparatorName)} rows={rows} rowKey={(r) => r.indicatorId}
      description={
        <>
          <div className="profile-summary" data-testid={`profile-summary-${domain}`}>
            {summary.map((sentence) => <p key={sentence} className="profile-summary__line">{sentence}</p>)}
            {domain === 'immunisation' && <p className="profile-summary__line">What the vaccine names mean (MMR1, 6-in-1, Hib/MenC, PCV, MenB): see the <GlossaryLink id="mmr">glossary of vaccines</GlossaryLink>.</p>}
          </div>
          <p>{orientation}</p>
        </>
      }>
      <SpineChart rows={spineRows} title={`Spine chart: ${title}`} description={orientation} areaName={name} peersLabel={peers} showLondon={!isLondon} comparatorName={comparatorName} />
    </ChartPanel>
  );
}

/** An indicator's page, opened on this area against the same comparator (an ICB is the borough's parent there). */
const indicatorLink = (id: string, code: string, comparator: ProfileComparator) =>
  linkOptions({ to: '/indicators/$id', params: { id }, search: { area: code, areaType: areaLevel(code) === 'icb' ? 'icb' : undefined, comparator: comparator === 'icb' ? 'parent' : comparator } });

function profileColumns(linkTo: (id: string) => ReturnType<typeof indicatorLink>, comparator: ProfileComparator, comparatorName: string): Column<ProfileRow>[] {
  const ends = (r: ProfileRow) => worstAndBest({ polarity: r.polarity, min: r.peerMin, max: r.peerMax });
  const endNote = (r: ProfileRow, which: 'worst' | 'best') => (r.polarity === 'no-judgement' ? (which === 'worst' ? ' (lowest)' : ' (highest)') : '');
  return [
    { key: 'indicator', header: 'Indicator', value: (r) => r.shortName, render: (r) => <Link {...linkTo(r.indicatorId)}>{r.shortName}</Link> },
    { key: 'period', header: 'Period', value: (r) => r.period },
    { key: 'value', header: 'Value', value: (r) => r.value, numeric: true, render: (r) => (r.suppressed ? '*' : formatWithUnit(r.value, r.unit)) },
    { key: 'lower95', header: 'Lower 95% CI', value: (r) => r.lower95, numeric: true, headerNote: <GlossaryLink id="confidence-interval" /> },
    { key: 'upper95', header: 'Upper 95% CI', value: (r) => r.upper95, numeric: true, headerNote: <GlossaryLink id="confidence-interval" /> },
    ...(comparator === 'icb' ? [{ key: 'comparatorValue', header: comparatorName, value: (r: ProfileRow) => r.comparatorValue, numeric: true, headerNote: <GlossaryLink id="icb" /> }] : []),
    { key: 'london', header: 'London', value: (r) => r.londonValue, numeric: true },
    { key: 'england', header: 'England', value: (r) => r.englandValue, numeric: true },
    { key: 'worst', header: 'London worst', value: (r) => ends(r).worst, numeric: true, render: (r) => `${formatNumber(ends(r).worst)}${endNote(r, 'worst')}` },
    { key: 'best', header: 'London best', value: (r) => ends(r).best, numeric: true, render: (r) => `${formatNumber(ends(r).best)}${endNote(r, 'best')}` },
    { key: 'comparison', header: `Compared with ${comparatorName}`, value: (r) => (r.suppressed ? SUPPRESSED_STYLE.label : COMPARISON_STYLE[r.comparison].label), headerNote: <GlossaryLink id="similar" /> },
    { key: 'trend', header: 'Recent trend', value: (r) => recentTrendText(r.recentTrend).replace(/^[↑↓→] /, ''), headerNote: <GlossaryLink id="recent-trend" /> },
    { key: 'note', header: 'Note', value: (r) => r.valueNote },
  ];
}

const sourcesOf = (rows: readonly ProfileRow[]) => [...new Set(rows.map((r) => findIndicator(r.indicatorId)?.source.name).filter(Boolean))].join('; ');

