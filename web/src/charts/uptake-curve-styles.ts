// How the campaign's uptake curves are drawn, apart from the chart (and recharts), for the legends and tests that need only the styles.
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';

/** How a line is drawn: London and the selected area stand out, priority areas are distinct, the rest give context. */
export type CurveKind = 'other' | 'priority' | 'london' | 'selected';

export interface CurveLine {
  readonly code: string;
  readonly name: string;
  readonly kind: CurveKind;
  readonly points: readonly { readonly t: number; readonly uptake: number | null }[];
}

export interface KeyDateMark {
  readonly t: number;
  /** The number shown on the chart, matching the numbered list of key dates beside it. */
  readonly n: number;
}

export interface TrajectorySegment {
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly uptake: number;
}

export const CURVE_STYLE: Record<CurveKind, { stroke: string; width: number }> = {
  other: { stroke: NHS_COLOURS.grey2, width: 1 },
  priority: { stroke: CHART_COLOURS.purple, width: 1.75 },
  london: { stroke: CHART_COLOURS.ink, width: 3 },
  selected: { stroke: NHS_COLOURS.blue, width: 3.5 },
};
export const TRAJECTORY_STYLE = { stroke: NHS_COLOURS.green, dash: '8 4', width: 2 } as const;
export const TARGET_STYLE = { stroke: NHS_COLOURS.green, dash: '2 3', width: 2 } as const;
export const CURRENT_STYLE = { stroke: NHS_COLOURS.red, dash: '5 3', width: 1.5 } as const;
