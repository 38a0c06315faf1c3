import { lazy, Suspense, useDeferredValue, type ComponentProps, type ReactNode } from 'react';
import { GROUP_UPTAKE_HEIGHT, TREND_CHART_HEIGHT, UPTAKE_CURVES_HEIGHT, compareBarChartHeight } from './chart-sizes.ts';

// recharts is the largest part of a chart view's code (about 110 KB compressed). Loaded with the
// chart rather than with the view, the view's heading, figures and tables show before it arrives:
// the Indicator page's largest paint (its heading) no longer waits for it.
const LazyCompareBarChart = lazy(() => import('./compare-bar-chart.tsx').then((m) => ({ default: m.CompareBarChart })));
const LazyTrendChart = lazy(() => import('./trend-chart.tsx').then((m) => ({ default: m.TrendChart })));
const LazyUptakeCurvesChart = lazy(() => import('./uptake-curves-chart.tsx').then((m) => ({ default: m.UptakeCurvesChart })));
const LazyGroupUptakeChart = lazy(() => import('./group-uptake-chart.tsx').then((m) => ({ default: m.GroupUptakeChart })));

/** Keeps the chart's place while its code loads, so nothing below it moves when it draws. */
function ChartPlaceholder({ height }: { height: number }) {
  return <div style={{ height }} aria-hidden="true" />;
}

/**
 * Draws a chart in a background render after the first: React renders it in slices between other
 * work instead of in one long task with the rest of the view (a bar chart of 33 areas and a trend
 * took about 250 ms of main thread together), so the page stays responsive while charts appear.
 */
function DeferredChart({ height, children }: { height: number; children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  const placeholder = <ChartPlaceholder height={height} />;
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}

/** `CompareBarChart`, its code loaded on first use. */
export function CompareBarChart(props: ComponentProps<typeof LazyCompareBarChart>) {
  return (
    <DeferredChart height={compareBarChartHeight(props.data.length)}>
      <LazyCompareBarChart {...props} />
    </DeferredChart>
  );
}

/** `TrendChart`, its code loaded on first use. */
export function TrendChart(props: ComponentProps<typeof LazyTrendChart>) {
  return (
    <DeferredChart height={TREND_CHART_HEIGHT}>
      <LazyTrendChart {...props} />
    </DeferredChart>
  );
}

/** `UptakeCurvesChart`, its code loaded on first use. */
export function UptakeCurvesChart(props: ComponentProps<typeof LazyUptakeCurvesChart>) {
  return (
    <DeferredChart height={UPTAKE_CURVES_HEIGHT}>
      <LazyUptakeCurvesChart {...props} />
    </DeferredChart>
  );
}

/** `GroupUptakeChart`, its code loaded on first use. */
export function GroupUptakeChart(props: ComponentProps<typeof LazyGroupUptakeChart>) {
  return (
    <DeferredChart height={GROUP_UPTAKE_HEIGHT}>
      <LazyGroupUptakeChart {...props} />
    </DeferredChart>
  );
}
