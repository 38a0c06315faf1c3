import { lazy, Suspense, type ComponentType } from 'react';
import { GROUP_UPTAKE_HEIGHT, TREND_CHART_HEIGHT, UPTAKE_CURVES_HEIGHT, compareBarChartHeight } from './chart-sizes.ts';

// recharts is the largest part of a chart view's code (about 110 KB compressed). Loaded with the
// chart rather than with the view, the view's heading, figures and tables show before it arrives:
// the Indicator page's largest paint (its heading) no longer waits for it.

/**
 * A chart whose code loads on first use; until then an empty box of the chart's height keeps its
 * place, so nothing below it moves when it draws (a print page waits for it: `usePrintReady`).
 */
function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>, height: (props: P) => number): ComponentType<P> {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per chart when this module loads, never during a render, so each chart keeps one component identity
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<div className="chart-placeholder" style={{ height: height(props) }} aria-hidden="true" />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

export const CompareBarChart = lazyChart(() => import('./compare-bar-chart.tsx').then((m) => m.CompareBarChart), (props) => compareBarChartHeight(props.data.length));
export const TrendChart = lazyChart(() => import('./trend-chart.tsx').then((m) => m.TrendChart), () => TREND_CHART_HEIGHT);
export const UptakeCurvesChart = lazyChart(() => import('./uptake-curves-chart.tsx').then((m) => m.UptakeCurvesChart), () => UPTAKE_CURVES_HEIGHT);
export const GroupUptakeChart = lazyChart(() => import('./group-uptake-chart.tsx').then((m) => m.GroupUptakeChart), () => GROUP_UPTAKE_HEIGHT);
