import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { GROUP_UPTAKE_HEIGHT, TREND_CHART_HEIGHT, UPTAKE_CURVES_HEIGHT, compareBarChartHeight } from './chart-sizes.ts';

// recharts is the largest part of a chart view's code (about 110 KB compressed). Loaded with the
// chart rather than with the view, the view's heading, figures and tables show before it arrives:
// the Indicator page's largest paint (its heading) no longer waits for it.

/**
 * A chart whose code loads on first use; until then an empty box of the chart's height keeps its
 * place, so nothing below it moves when it draws (a print page waits for it: `usePrintReady`).
 * With `whenInView`, it is drawn once its box nears the viewport (or the page prints), not before.
 */
function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>, height: (props: P) => number, { whenInView = false } = {}): ComponentType<P> {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per chart when this module loads, never during a render, so each chart keeps one component identity
  return function LazyChart(props: P) {
    const [box, inView] = useInView(!whenInView);
    const placeholder = (ref?: RefObject<HTMLDivElement | null>) => <div ref={ref} className="chart-placeholder" style={{ height: height(props) }} aria-hidden="true" />;
    return inView ? <Suspense fallback={placeholder()}><Chart {...props} /></Suspense> : placeholder(box);
  };
}

/**
 * Whether the element is near the viewport: true from the start when `eager`, else once it comes
 * within 200 px of it, or the page is about to print. Stays true.
 */
function useInView(eager: boolean): [RefObject<HTMLDivElement | null>, boolean] {
  const box = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(eager);
  useEffect(() => {
    const element = box.current;
    if (inView || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setInView(true), { rootMargin: '200px 0px' });
    observer.observe(element);
    // Printing lays the whole page out without scrolling it: draw before the snapshot.
    const print = () => flushSync(() => setInView(true));
    window.addEventListener('beforeprint', print);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, [inView]);
  return [box, inView];
}

export const CompareBarChart = lazyChart(() => import('./compare-bar-chart.tsx').then((m) => m.CompareBarChart), (props) => compareBarChartHeight(props.data.length));
// The trend's first drawing is the Indicator page's longest task (recharts' ComposedChart with up to
// eight series, about 70 ms of its blocking time), and the trend sits below the fold on a laptop.
export const TrendChart = lazyChart(() => import('./trend-chart.tsx').then((m) => m.TrendChart), () => TREND_CHART_HEIGHT, { whenInView: true });
export const UptakeCurvesChart = lazyChart(() => import('./uptake-curves-chart.tsx').then((m) => m.UptakeCurvesChart), () => UPTAKE_CURVES_HEIGHT);
export const GroupUptakeChart = lazyChart(() => import('./group-uptake-chart.tsx').then((m) => m.GroupUptakeChart), () => GROUP_UPTAKE_HEIGHT);
