import { BOROUGHS, ICBS } from '@pathfinder/metrics';
import { useExploreDetail, type DetailState } from './explore-detail.ts';
import type { ExploreCube, ExploreData } from './load-explore-data.ts';
import { describeUptake, type UptakeDatum } from './uptake-datum.ts';
import { formatCount } from '../format/format-number.ts';

/** The level of detail in DuckDB-WASM, in words: whose cube, with what disclosure control. */
function describeLevel(data: Pick<ExploreCube, 'level' | 'boroughs'>): string {
  if (data.level === 'public') return 'Borough × month, public: counts of 1 to 7 hidden, with complements so none can be worked out, others rounded to 5; City of London counted within Hackney';
  if (data.level === 'all') return 'Borough × month, exact counts, all of London';
  const icbs = ICBS.filter((i) => BOROUGHS.some((b) => b.parent === i.code && data.boroughs.includes(b.code))).map((i) => `${i.shortName} ICB`);
  return `Borough × month, exact counts, ${icbs.join(', ')}`;
}

/** The practice detail loaded, in words. */
function describeDetail(data: Pick<ExploreCube, 'level'>, detail: DetailState): string {
  if (data.level === 'public') return 'None (needs an access token)';
  if (detail.boroughs.length === 0) return 'Not loaded';
  const names = detail.boroughs.map((code) => BOROUGHS.find((b) => b.code === code)?.name ?? code);
  return `${names.length > 3 ? `${names.length} boroughs` : names.join(', ')}: ${formatCount(detail.rows)} practice × week rows`;
}

const NO_DETAIL: DetailState = { boroughs: [], rows: 0, cross: false, loading: null };

/** The practice detail in DuckDB-WASM, in words, following its loads. */
function DetailLoaded({ data }: { data: ExploreData }) {
  const detail = useExploreDetail(data.detail);
  return <>{detail.loading ?? describeDetail(data, detail)}</>;
}

/**
 * The selection in one line of figures (doses, estimated eligible children, uptake with its CI),
 * and the level of detail loaded (`engine` absent: DuckDB-WASM is still starting).
 */
export function ExploreSummary({ overall, description, data, engine }: { overall: UptakeDatum | undefined; description: string; data: ExploreCube; engine: ExploreData | undefined }) {
  return (
    <section className="panel explore-summary" aria-label="Selection summary">
      <p className="explore-summary__what">{description}</p>
      <dl className="explore-summary__figures" aria-live="polite">
        <div><dt>Doses</dt><dd>{overall ? formatCount(overall.doses) : '…'}</dd></div>
        <div><dt>Eligible children (estimated)</dt><dd>{overall ? formatCount(overall.eligible) : '…'}</dd></div>
        <div><dt>Uptake</dt><dd>{overall ? describeUptake(overall) : '…'}</dd></div>
      </dl>
      <dl className="explore-summary__levels" data-testid="explore-level">
        <div><dt>Level of detail loaded</dt><dd>{describeLevel(data)}</dd></div>
        <div><dt>Cube rows the views query</dt><dd>{formatCount(data.cubeRows)}</dd></div>
        <div><dt>Practice detail</dt><dd>{engine ? <DetailLoaded data={engine} /> : describeDetail(data, NO_DETAIL)}</dd></div>
      </dl>
      {data.level === 'public' && (
        <p className="nhsuk-hint">Public figures are sums of disclosure-controlled borough counts, so they can differ a little from exact totals.</p>
      )}
    </section>
  );
}
