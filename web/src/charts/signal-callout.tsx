import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '@pathfinder/metrics';
import { attentionQueries } from '../api/attention-queries.ts';
import type { TrendData } from '../api/api-types.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { formatWithUnit } from '../format/format-number.ts';
import type { TrendHighlight } from './trend-chart.tsx';
import { latestSpecialStretch, periodIndex, signalDescription } from './trend-signal.ts';
import '../theme/attention.css';

/** What the trend marks for a deep link's period: the period itself and the special-cause stretch ending nearest it. */
export function trendHighlight(trend: Pick<TrendData, 'points'>, period: string): TrendHighlight & { index: number } {
  const index = periodIndex(trend.points, period);
  return { index, period: trend.points[index]?.period ?? null, stretch: index >= 0 ? latestSpecialStretch(trend.points, index) : null };
}

/**
 * The signal a deep link opened the page for, in words: the attention status's own signal text and
 * summary for this area (GET /attention?area=, the same scope as the trend), or the rule's wording
 * until (or unless) it arrives; then the period and the special-cause stretch the chart marks.
 */
export function SignalCallout({ indicator, trend, signal, highlight }: { indicator: Indicator; trend: TrendData; signal: string; highlight: ReturnType<typeof trendHighlight> }) {
  const statuses = useQuery({ ...attentionQueries(useChosenRelease().release.id).area(trend.area.code), retry: false });
  const item = statuses.data?.items.find((i) => i.indicatorId === indicator.id);
  const target = trend.targets[0];
  const text = item?.signals.find((s) => s.rule === signal)?.text
    ?? signalDescription(signal, { indicator, benchmark: trend.comparator?.name ?? null, target: target ? formatWithUnit(target.value, indicator.unit) : null, note: trend.points[highlight.index]?.valueNote ?? null });
  if (!text) return null;
  const { stretch } = highlight;
  return (
    <div className="signal-callout" role="note" aria-label="Signal" data-testid="signal-callout">
      <p><strong>Signal: {text}.</strong></p>
      {item && <p>{item.summary}</p>}
      <p>
        {highlight.period && <>The period marked on the chart is {highlight.period}. </>}
        {stretch
          ? stretch.count === 1 ? `The shaded point (${stretch.from}) is a special cause.` : `The shaded stretch from ${stretch.from} to ${stretch.to} has ${stretch.count} special-cause points.`
          : 'No point of this trend is a special cause.'}
      </p>
    </div>
  );
}
