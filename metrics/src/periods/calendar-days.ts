// Day arithmetic on proleptic Gregorian dates as integers (days since 1970-01-01), so period
// boundaries never depend on the host time zone or on Date's two-digit-year quirks.
// Algorithms from H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a calendar date.
 * @example dayNumber(1970, 1, 2) // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * ISO date of a day number.
 * @example isoDateOf(19_797) // "2024-03-15"
 */
export function isoDateOf(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Day number of an ISO date "YYYY-MM-DD"; throws naming the value if it is not a real date.
 * @example parseIsoDate("2024-02-29") // 19_782
 */
export function parseIsoDate(date: string): number {
  const m = ISO_DATE.exec(date);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`not an ISO date like "2024-03-31": ${JSON.stringify(date)}`);
  }
  return dayNumber(year, month, day);
}

/**
 * Days in a calendar month (month 1–12), leap years included.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Gregorian leap year.
 * @example isLeapYear(1900) // false
 */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Day of the week of a day number, Monday = 0 … Sunday = 6.
 * @example weekdayIndex(0) // 3 (1970-01-01 was a Thursday)
 */
export function weekdayIndex(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * Day number of the Monday that starts ISO week 1 of an ISO year (the week holding 4 January).
 * @example isoDateOf(isoWeekOneMonday(2021)) // "2021-01-04"
 */
export function isoWeekOneMonday(isoYear: number): number {
  const jan4 = dayNumber(isoYear, 1, 4);
  return jan4 - weekdayIndex(jan4);
}

/**
 * Number of ISO weeks (52 or 53) in an ISO year.
 * @example isoWeeksInYear(2020) // 53
 */
export function isoWeeksInYear(isoYear: number): number {
  return (isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / 7;
}

/**
 * Zero-padded decimal.
 * @example pad(3, 2) // "03"
 */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
