import { dayNumber, daysInMonth, isoDateOf, isoWeekOneMonday, isoWeeksInYear, pad } from './calendar-days.ts';
import { fyQuarterLabel, fyQuarterStart } from './fy-quarter.ts';
import type { Period, PeriodFields } from './period.ts';

const fy = (startYear: number) => `${startYear}/${pad((startYear + 1) % 100, 2)}`;
const lastDay = (year: number, month: number) => isoDateOf(dayNumber(year, month, daysInMonth(year, month)));

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) throw new Error(`${what} must be a four-digit year (got ${year})`);
}

function checkRange(first: number, last: number, what: string): void {
  if (last <= first) throw new Error(`${what} must end after it starts (got ${first} to ${last}); use a single year for one year`);
}

/**
 * The period identified by a kind and its numbers, with its canonical label and first and last
 * days (ISO dates, end inclusive). Throws naming the field when a number is out of range.
 * @example periodFromFields({ kind: 'iso-week', isoYear: 2022, week: 41 })
 * // { kind: 'iso-week', isoYear: 2022, week: 41, label: '2022-W41', start: '2022-10-10', end: '2022-10-16' }
 */
export function periodFromFields(fields: PeriodFields): Period {
  switch (fields.kind) {
    case 'iso-week': {
      const { isoYear, week } = fields;
      checkYear(isoYear, 'ISO week year');
      const weeks = isoWeeksInYear(isoYear);
      if (!Number.isInteger(week) || week < 1 || week > weeks) throw new Error(`ISO year ${isoYear} has weeks 1 to ${weeks} (got week ${week})`);
      const monday = isoWeekOneMonday(isoYear) + (week - 1) * 7;
      return { kind: 'iso-week', isoYear, week, label: `${isoYear}-W${pad(week, 2)}`, start: isoDateOf(monday), end: isoDateOf(monday + 6) };
    }
    case 'month': {
      const { year, month } = fields;
      checkYear(year, 'month year');
      if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month must be 1 to 12 (got ${month})`);
      return { kind: 'month', year, month, label: `${year}-${pad(month, 2)}`, start: `${year}-${pad(month, 2)}-01`, end: lastDay(year, month) };
    }
    case 'fy-quarter': {
      const { startYear, quarter } = fields;
      checkYear(startYear, 'financial year start');
      if (![1, 2, 3, 4].includes(quarter)) throw new Error(`quarter must be 1 to 4 (got ${quarter})`);
      const start = fyQuarterStart({ startYear, quarter });
      const endMonth = ((quarter * 3 + 2) % 12) + 1;
      return { kind: 'fy-quarter', startYear, quarter, label: fyQuarterLabel({ startYear, quarter }), start, end: lastDay(quarter === 4 ? startYear + 1 : startYear, endMonth) };
    }
    case 'calendar-year': {
      checkYear(fields.year, 'year');
      return { kind: 'calendar-year', year: fields.year, label: String(fields.year), start: `${fields.year}-01-01`, end: `${fields.year}-12-31` };
    }
    case 'financial-year': {
      const { startYear } = fields;
      checkYear(startYear, 'financial year start');
      return { kind: 'financial-year', startYear, label: fy(startYear), start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
    }
    case 'calendar-year-range': {
      const { firstYear, lastYear } = fields;
      checkYear(firstYear, 'first year');
      checkYear(lastYear, 'last year');
      checkRange(firstYear, lastYear, 'a range of years');
      return { kind: 'calendar-year-range', firstYear, lastYear, label: `${firstYear} - ${lastYear}`, start: `${firstYear}-01-01`, end: `${lastYear}-12-31` };
    }
    case 'fy-range': {
      const { firstStartYear, lastStartYear } = fields;
      checkYear(firstStartYear, 'first financial year start');
      checkYear(lastStartYear, 'last financial year start');
      checkRange(firstStartYear, lastStartYear, 'a range of financial years');
      return {
        kind: 'fy-range',
        firstStartYear,
        lastStartYear,
        label: `${fy(firstStartYear)} - ${fy(lastStartYear)}`,
        start: `${firstStartYear}-04-01`,
        end: `${lastStartYear + 1}-03-31`,
      };
    }
  }
}
