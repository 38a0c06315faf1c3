import { isoDateOf, parseIsoDate } from '../periods/calendar-days.ts';

/** One reporting interval of a campaign: first and last day, inclusive (ISO dates). */
export interface CampaignInterval {
  readonly from: string;
  readonly date: string;
}

/**
 * The reporting intervals of a campaign up to `asOf`: they end on `asOf` and every `intervalDays`
 * before it, back to the day the campaign opens, so the latest interval is always a whole one and
 * only the first may be shorter. Oldest first.
 * @param opens first day doses count (ISO date)
 * @param asOf last day counted (ISO date), not before `opens`
 * @param intervalDays 7 (weekly) or 1 (daily)
 * @example campaignIntervals('2022-08-16', '2022-08-31', 7)
 * // [{ from: '2022-08-16', date: '2022-08-17' }, { from: '2022-08-18', date: '2022-08-24' }, { from: '2022-08-25', date: '2022-08-31' }]
 */
export function campaignIntervals(opens: string, asOf: string, intervalDays: number): CampaignInterval[] {
  if (!(Number.isInteger(intervalDays) && intervalDays > 0)) throw new RangeError(`intervalDays must be a positive integer (got ${intervalDays})`);
  const first = parseIsoDate(opens);
  const last = parseIsoDate(asOf);
  if (last < first) throw new RangeError(`asOf (${asOf}) is before the campaign opens (${opens})`);
  const out: CampaignInterval[] = [];
  for (let end = last; end >= first; end -= intervalDays) out.push({ from: isoDateOf(Math.max(first, end - intervalDays + 1)), date: isoDateOf(end) });
  return out.reverse();
}
