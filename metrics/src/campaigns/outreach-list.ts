import type { OutreachRow } from '../schemas/campaign-outreach-schemas.ts';
import { projectTarget } from './campaign-projection.ts';

/** An area's campaign progress as the outreach list reads it, with where it sits. */
export interface OutreachInput {
  readonly areaCode: string;
  readonly areaName: string;
  readonly boroughCode: string | null;
  readonly boroughName: string | null;
  readonly icbCode: string | null;
  readonly icbName: string | null;
  readonly note: string | null;
  readonly eligible: number | null;
  readonly vaccinated: number | null;
  readonly uptake: number | null;
  readonly trajectory: number | null;
  readonly gapToTarget: number | null;
  readonly behindBy: number | null;
  readonly runRateNeededPerWeek: number | null;
  readonly currentRatePerWeek: number | null;
  readonly suppressed: boolean;
}

/** A percentage as lists show it: one decimal. */
const oneDecimal = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/**
 * The outreach list: areas ranked by the children still to vaccinate to reach the target (where
 * outreach reaches the most), ties by name, hidden counts last; percentages to one decimal, the run
 * rate needed in whole children (rounded up), and each area's projection on the target date at its
 * current rate (`projectTarget`).
 * @example rankOutreach([hackney, camden], { asOf: '2022-10-13', target: { uptake: 50, by: '2023-03-31' } })[0].rank // 1
 */
export function rankOutreach(rows: readonly OutreachInput[], at: { readonly asOf: string; readonly target: { readonly uptake: number; readonly by: string } }): OutreachRow[] {
  return [...rows]
    .sort((a, b) => (b.gapToTarget ?? -1) - (a.gapToTarget ?? -1) || a.areaName.localeCompare(b.areaName))
    .map((r, i) => {
      const projection = projectTarget({ ...r, asOf: at.asOf, target: at.target });
      return {
        rank: i + 1,
        areaCode: r.areaCode, areaName: r.areaName, boroughCode: r.boroughCode, boroughName: r.boroughName, icbCode: r.icbCode, icbName: r.icbName, note: r.note,
        eligible: r.eligible, vaccinated: r.vaccinated, uptake: oneDecimal(r.uptake), trajectory: oneDecimal(r.trajectory),
        gapToTarget: r.gapToTarget, behindBy: r.behindBy, runRateNeededPerWeek: r.runRateNeededPerWeek === null ? null : Math.ceil(r.runRateNeededPerWeek),
        projectedUptake: oneDecimal(projection?.projectedUptake ?? null), projectedShortfall: projection?.projectedShortfall ?? null,
        suppressed: r.suppressed,
      };
    });
}
