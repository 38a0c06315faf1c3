import { isoDateOf, parseIsoDate } from '../periods/calendar-days.ts';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 1970-01-01, day number 0, was a Thursday. */
const THURSDAY = 4;

/**
 * The last day on or before `date` that falls on `weekday`: where a public campaign answer's
 * weekly grid snaps `asOf` to, so every public answer reads the same weeks whatever date is asked.
 * @param date ISO date
 * @param weekday the day every public week ends on (the campaign's `weekEndsOn`)
 * @example lastWeekEnd('2022-10-13', 'sunday') // "2022-10-09"
 * @example lastWeekEnd('2022-10-09', 'sunday') // "2022-10-09"
 */
export function lastWeekEnd(date: string, weekday: Weekday): string {
  const day = parseIsoDate(date);
  const behind = (((day + THURSDAY - WEEKDAYS.indexOf(weekday)) % 7) + 7) % 7;
  return isoDateOf(day - behind);
}

/**
 * The first day on or after `date` that falls on `weekday`: the end of a campaign's first public week.
 * @example firstWeekEnd('2022-08-16', 'sunday') // "2022-08-21"
 */
export function firstWeekEnd(date: string, weekday: Weekday): string {
  return lastWeekEnd(isoDateOf(parseIsoDate(date) + 6), weekday);
}
