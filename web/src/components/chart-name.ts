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
