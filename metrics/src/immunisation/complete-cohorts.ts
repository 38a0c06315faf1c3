import { dayNumber, daysInMonth, parseIsoDate } from '../periods/calendar-days.ts';

/**
 * The latest birth years (calendar-year cohorts) in which every child has reached an age by a date,
 * that is, the youngest child, born on 31 December, has: these cohorts can be read at that age.
 * Ages are whole months, as in COVER (a child reaches 24 months on its second birthday; a month
 * added to the 31st falls on the month's last day when shorter).
 * @param asAt the data's as-at date (ISO)
 * @param ageMonths the age every child must have reached, in months
 * @param count how many cohorts (default 3)
 * @returns birth years, oldest first
 * @example completeCohorts('2025-03-31', 24) // [2020, 2021, 2022]
 */
export function completeCohorts(asAt: string, ageMonths: number, count = 3): number[] {
  if (!(Number.isInteger(ageMonths) && ageMonths >= 0)) throw new RangeError(`ageMonths must be a whole number ≥ 0 (got ${ageMonths})`);
  const limit = parseIsoDate(asAt);
  let year = Number(asAt.slice(0, 4));
  while (youngestReaches(year, ageMonths) > limit) year--;
  return Array.from({ length: count }, (_, i) => year - count + 1 + i);
}

/** Day number on which a child born on 31 December of `year` reaches `ageMonths`. */
function youngestReaches(year: number, ageMonths: number): number {
  const months = 11 + ageMonths;
  const [y, m] = [year + Math.floor(months / 12), (months % 12) + 1];
  return dayNumber(y, m, Math.min(31, daysInMonth(y, m)));
}
