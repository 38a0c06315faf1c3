import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Icb, Indicator } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { usePracticeAccess } from '../api/practice-access.ts';
import { indicatorQueries } from '../api/queries.ts';
import type { FunnelData } from '../api/api-types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { countsTowardsGoal, practicesToTarget } from '../components/icb-focus.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { formatCount, formatWithUnit } from '../format/format-number.ts';
import { PRACTICE_INDICATORS } from './practice-indicators.ts';

/** How many practices the Indicator page names; the Practices view has them all. */
const SHOWN = 10;

type Ranked = FunnelData['points'][number] & { needed: number };

/**
 * The chosen ICB's practices to target for an indicator, on the Indicator page: those with the most
 * children still needed to reach the indicator's target. Only where the caller may see the ICB's
 * practices (nothing is asked that would be refused) and the count means something (a percentage
 * published for practices, higher is better, with a target); the Practices view explains the rest.
 */
export function IcbPractices({ indicator, icb, period, targets }: { indicator: Indicator; icb: Icb; period: string; targets: readonly number[] }) {
  const { offer } = useChosenRelease();
  const access = usePracticeAccess(icb.code);
  const goal = targets.length > 0 ? Math.max(...targets) : null;
  if (!offer.practices || !PRACTICE_INDICATORS.some((i) => i.id === indicator.id) || !countsTowardsGoal(indicator) || goal === null || access.state !== 'allowed') return null;
  return <PracticesToTarget indicator={indicator} icb={icb} period={period} goal={goal} />;
}

function PracticesToTarget({ indicator, icb, period, goal }: { indicator: Indicator; icb: Icb; period: string; goal: number }) {
  const headingId = useId();
  const funnel = useQuery({ ...indicatorQueries(useChosenRelease().release.id).funnel(indicator.id, { parent: icb.code, period }), retry: retryUnlessRefused });
  const goalText = formatWithUnit(goal, indicator.unit, 0);
  const title = `Practices to target in ${icb.shortName}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="practices-to-target">
      <h2 id={headingId}>{title}</h2>
      {funnel.isPending ? (
        <Skeleton label="Loading practices…" height={420} />
      ) : funnel.isError ? (
        <PanelError error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <Ranking indicator={indicator} icb={icb} data={funnel.data} goal={goal} goalText={goalText} title={title} />
      )}
    </section>
  );
}

function Ranking({ indicator, icb, data, goal, goalText, title }: { indicator: Indicator; icb: Icb; data: FunnelData; goal: number; goalText: string; title: string }) {
  const below = practicesToTarget(data.points, goal, Number.POSITIVE_INFINITY);
  const ranked = below.slice(0, SHOWN);
  const total = below.reduce((sum, p) => sum + p.needed, 0);
  const columns: Column<Ranked>[] = [
    { key: 'name', header: 'Practice', value: (p) => p.areaName },
    { key: 'needed', header: 'Children still needed', value: (p) => p.needed, numeric: true, render: (p) => formatCount(p.needed) },
    { key: 'value', header: `Value (${indicator.unit})`, value: (p) => p.value, numeric: true },
    { key: 'numerator', header: 'Vaccinated children', value: (p) => p.numerator, numeric: true, render: (p) => formatCount(p.numerator) },
    { key: 'denominator', header: 'Eligible children', value: (p) => p.denominator, numeric: true, render: (p) => formatCount(p.denominator) },
  ];
  return (
    <>
      <p className="chart-panel__description">
        {below.length === 0
          ? `Every practice in ${icb.shortName} has reached the ${goalText} target in ${data.period ?? 'the latest period'}.`
          : `${formatCount(below.length)} of ${formatCount(data.points.length)} practices in ${icb.shortName} are below the ${goalText} target in ${data.period ?? 'the latest period'}; they need ${formatCount(total)} more children vaccinated to reach it. ${ranked.length < below.length ? `The ${ranked.length} that need the most` : 'They are'} ranked below, most children still needed first.`}{' '}
        <Link to="/practices" search={{ icb: icb.code, indicator: indicator.id }}>All practices in {icb.shortName} on a funnel plot</Link>
      </p>
      {ranked.length > 0 && <DataTable caption={`${title}: ${indicator.shortName}, most children still needed to reach ${goalText} first`} captionHidden columns={columns} rows={ranked} rowKey={(p) => p.areaCode} />}
    </>
  );
}
