import { containsPeriod, indicatorPeriodsSql, parsePeriod, type Indicator, type IndicatorPeriodRow } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import type { ServiceContext } from './service-context.ts';

export interface ResolvedPeriod {
  /** The period asked for (or the latest), as labelled in answers. */
  readonly label: string | null;
  /** Periods of the indicator's own frequency to sum (several when a coarser period was asked for). */
  readonly periods: readonly string[];
}

/** Periods an indicator has data for, latest first. */
export async function indicatorPeriods(ctx: ServiceContext, indicator: Indicator): Promise<IndicatorPeriodRow[]> {
  return ctx.release.runner.all<IndicatorPeriodRow>(indicatorPeriodsSql(indicator.id));
}

/**
 * Turns `latest` or a period label into the periods to sum: the label itself when the data has it,
 * or every period of the data inside it (a financial year of quarters). 400 for a malformed label,
 * 404 when the release has nothing in that period; a period label in the data that does not parse
 * throws (a bug in the release, answered as a 500).
 */
export async function resolvePeriod(ctx: ServiceContext, indicator: Indicator, requested: string): Promise<ResolvedPeriod> {
  const available = await indicatorPeriods(ctx, indicator);
  if (requested === 'latest') {
    const latest = available[0]?.period ?? null;
    return { label: latest, periods: latest ? [latest] : [] };
  }
  let label: string;
  try {
    label = parsePeriod(requested).label;
  } catch (error) {
    throw new ApiError(400, 'invalid_parameter', `invalid parameter period: ${error instanceof Error ? error.message : 'not a period'}`);
  }
  if (available.some((p) => p.period === label)) return { label, periods: [label] };
  // A period of the data that does not parse is a broken release, not a period outside the one
  // asked for: containsPeriod's error fails the answer (a logged 500) instead of leaving it out.
  const inside = available.filter((p) => containsPeriod(label, p.period));
  if (inside.length === 0) throw new ApiError(404, 'period_not_found', `indicator ${indicator.id} has no data in period ${label}`);
  return { label, periods: inside.map((p) => p.period).reverse() };
}
