/** The bar chart's plot height for a number of areas. */
export const compareBarChartHeight = (areas: number) => Math.max(240, areas * 20 + 60);
/** The trend chart's plot height. */
export const TREND_CHART_HEIGHT = 360;
/** The campaign's uptake curves' plot height. */
export const UPTAKE_CURVES_HEIGHT = 400;
/** The campaign's uptake by group plot height. */
export const GROUP_UPTAKE_HEIGHT = 300;
