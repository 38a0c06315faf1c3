import { parseFyQuarter } from './fy-quarter.ts';
import { periodFromFields } from './period-from-fields.ts';
import type { Period, PeriodFields } from './period.ts';

const EXPECTED = 'expected e.g. "2023/24", "2023/24 Q4", "2024", "2024-03", "2022-W41", "2021/22 - 2023/24" or "2021 - 2023"';

const FY = /^(\d{4})\/(\d{2})$/;
const FY_QUARTER = /^\d{4}\/\d{2} Q\d+$/;
const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const YEAR_RANGE = /^(\d{4}) - (\d{2}|\d{4})$/;
const FY_RANGE = /^(\d{4})\/(\d{2}) - (\d{2}|\d{4})\/(\d{2})$/;

/** A four-digit year as written, or the first year on or after `after` ending in the two digits ("2019 - 21" ends in 2021). */
function expandYear(digits: string, after: number): number {
  if (digits.length === 4) return Number(digits);
  const year = after - (after % 100) + Number(digits);
  return year < after ? year + 100 : year;
}

function fieldsOf(label: string): PeriodFields {
  const fy = FY.exec(label);
  if (fy) {
    const startYear = Number(fy[1]);
    if ((startYear + 1) % 100 !== Number(fy[2])) throw new Error(`a financial year runs over two consecutive years, e.g. "${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}"`);
    return { kind: 'financial-year', startYear };
  }
  if (FY_QUARTER.test(label)) {
    const { startYear, quarter } = parseFyQuarter(label);
    return { kind: 'fy-quarter', startYear, quarter };
  }
  const year = YEAR.exec(label);
  if (year) return { kind: 'calendar-year', year: Number(year[1]) };
  const month = MONTH.exec(label);
  if (month) return { kind: 'month', year: Number(month[1]), month: Number(month[2]) };
  const isoWeek = ISO_WEEK.exec(label);
  if (isoWeek) return { kind: 'iso-week', isoYear: Number(isoWeek[1]), week: Number(isoWeek[2]) };
  const yearRange = YEAR_RANGE.exec(label);
  if (yearRange) {
    const firstYear = Number(yearRange[1]);
    return { kind: 'calendar-year-range', firstYear, lastYear: expandYear(yearRange[2]!, firstYear) };
  }
  const fyRange = FY_RANGE.exec(label);
  if (fyRange) {
    const firstStartYear = Number(fyRange[1]);
    const lastStartYear = expandYear(fyRange[3]!, firstStartYear);
    for (const [start, end] of [[firstStartYear, fyRange[2]], [lastStartYear, fyRange[4]]] as const) {
      if ((start + 1) % 100 !== Number(end)) throw new Error(`each financial year in a range runs over two consecutive years (${start}/${end} does not)`);
    }
    return { kind: 'fy-range', firstStartYear, lastStartYear };
  }
  throw new Error(EXPECTED);
}

/**
 * Parses a period label into its kind, canonical label and first and last days (ISO dates, end
 * inclusive). Accepts financial years "2023/24", FY quarters "2023/24 Q4", calendar years "2024",
 * months "2024-03", ISO 8601 weeks "2022-W41" (Monday start; week 1 holds the first Thursday),
 * and pooled ranges "2021/22 - 2023/24" and "2021 - 2023"; Fingertips' short range forms
 * "2021 - 23" and "2021/22 - 23/24" are accepted and given the long canonical label.
 * Throws an error naming the label when it is not a valid period.
 * @example parsePeriod('2023/24 Q4') // { kind: 'fy-quarter', startYear: 2023, quarter: 4, label: '2023/24 Q4', start: '2024-01-01', end: '2024-03-31' }
 * @example parsePeriod('2020-W53').end // '2021-01-03'
 */
export function parsePeriod(label: string): Period {
  try {
    return periodFromFields(fieldsOf(label));
  } catch (error) {
    throw new Error(`invalid period ${JSON.stringify(label)}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The canonical label of a period, given as its fields or as any accepted label.
 * @example periodLabel({ kind: 'financial-year', startYear: 2023 }) // '2023/24'
 * @example periodLabel('2013 - 17') // '2013 - 2017'
 */
export function periodLabel(period: PeriodFields | string): string {
  return typeof period === 'string' ? parsePeriod(period).label : periodFromFields(period).label;
}

/**
 * A period from a label, or the period itself.
 * @example toPeriod('2024-03').end // '2024-03-31'
 */
export function toPeriod(period: Period | string): Period {
  return typeof period === 'string' ? parsePeriod(period) : period;
}
