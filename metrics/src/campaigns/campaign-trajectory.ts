import { parseIsoDate } from '../periods/calendar-days.ts';

/**
 * Uptake (%) an area should have reached on a date if it moves in a straight line from 0% on its
 * start date to the target uptake on the target date; 0 before the start, the target after its date.
 * @param target uptake in % and the date it is due (ISO)
 * @param start the area's start date (ISO)
 * @param date the date to evaluate (ISO)
 * @returns uptake in %, 0–100
 * @example trajectoryUptake({ uptake: 50, by: '2023-03-31' }, '2022-09-12', '2022-10-13') // 7.75 (31 of 200 days)
 */
export function trajectoryUptake(target: { readonly uptake: number; readonly by: string }, start: string, date: string): number {
  const [s, t, d] = [parseIsoDate(start), parseIsoDate(target.by), parseIsoDate(date)];
  if (d <= s) return 0;
  if (d >= t) return target.uptake;
  return (target.uptake * (d - s)) / (t - s);
}
