import { createContext, useContext } from 'react';

/** The ids of what names and describes the chart inside a ChartPanel: its heading, its description. */
interface ChartName {
  readonly labelledBy: string;
  readonly describedBy: string;
}

export const ChartNameContext = createContext<ChartName | null>(null);

/**
 * The props of a recharts chart's SVG inside a ChartPanel: one image named by the panel's heading
 * and described by its description, instead of recharts' unnamed `role="application"` tab stop whose
 * tooltip moves invisibly. Keyboard and screen-reader users read the same figures in the panel's
 * data table, which the description points to.
 */
export function useChartSurface() {
  const name = useContext(ChartNameContext);
  return { accessibilityLayer: false, role: 'img', 'aria-labelledby': name?.labelledBy, 'aria-describedby': name?.describedBy } as const;
}

const PORTAL_LAYER = 'g[class*="recharts-zIndex-layer"]';

/**
 * Keeps recharts' z-index layers out of the Tab order, as they are drawn, until the returned
 * function is called. Each layer is a React portal container, and React listens for focus events on
 * every portal container; Chromium makes an SVG graphics element with a focus listener a tab stop,
 * so each chart had several unnamed, invisible stops. An explicit tabindex of -1 takes them out.
 */
export function keepChartLayersOutOfTabOrder(chart: Element): () => void {
  const untab = () => {
    for (const layer of chart.querySelectorAll(`${PORTAL_LAYER}:not([tabindex])`)) layer.setAttribute('tabindex', '-1');
  };
  untab();
  const observer = new MutationObserver(untab);
  observer.observe(chart, { childList: true, subtree: true });
  return () => observer.disconnect();
}
