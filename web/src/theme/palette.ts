/**
 * The NHS identity colours the dashboard draws with, by their names in the NHS palette
 * (nhsuk-frontend's `$nhsuk-colours`, where the text colour is called "black"). CSS reads the same
 * colours from nhsuk-frontend's custom properties (`var(--nhsuk-blue-colour)`); charts and maps,
 * which need literal values, import them from here.
 */
export const NHS_COLOURS = {
  blue: '#005eb8',
  white: '#ffffff',
  black: '#212b32',
  green: '#007f3b',
  red: '#d5281b',
  yellow: '#ffeb3b',
  grey1: '#4c6272',
  grey2: '#768692',
  grey4: '#d8dde0',
} as const;

/** What each colour does in a chart: text and axes, secondary marks, grid lines, the focus halo. */
export const CHART_COLOURS = {
  ink: NHS_COLOURS.black,
  muted: NHS_COLOURS.grey1,
  grid: NHS_COLOURS.grey4,
  background: NHS_COLOURS.white,
  focus: NHS_COLOURS.yellow,
  /** The confidence band and unselected bars: NHS blue at about 30%. */
  paleBlue: '#aed3f5',
  /** The spine chart's range band (NHS "pale grey"). */
  paleGrey: '#e8edee',
  /** Making Data Count's purple for neutral special cause, also a priority group's line. */
  purple: '#7030a0',
  /** The darkest orange of the comparison scheme, for a group line that must stand out from blue. */
  darkOrange: '#a63603',
} as const;
