import { isoDateOf, isoWeekOneMonday, parseIsoDate } from './calendar-days.ts';
import { toPeriod } from './parse-period.ts';
import { periodFromFields } from './period-from-fields.ts';
import { UNIT_PERIOD_KINDS, type Period, type PeriodOfKind, type UnitPeriodKind } from './period.ts';

/**
 * The period of a kind that holds a day (ISO date), e.g. the ISO week of a vaccination.
 * Throws naming the date when it is not a real ISO date.
 * @example periodContaining('iso-week', '2022-10-13').label // '2022-W41'
 * @example periodContaining('fy-quarter', '2024-03-31').label // '2023/24 Q4'
 */
export function periodContaining<K extends UnitPeriodKind>(kind: K, date: string): PeriodOfKind<K> {
  const day = parseIsoDate(date);
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const fyStart = month >= 4 ? year : year - 1;
  switch (kind as UnitPeriodKind) {
    case 'iso-week': {
      const isoYear = day >= isoWeekOneMonday(year + 1) ? year + 1 : day < isoWeekOneMonday(year) ? year - 1 : year;
      const week = Math.floor((day - isoWeekOneMonday(isoYear)) / 7) + 1;
      return periodFromFields({ kind: 'iso-week', isoYear, week }) as PeriodOfKind<K>;
    }
    case 'month':
      return periodFromFields({ kind: 'month', year, month }) as PeriodOfKind<K>;
    case 'fy-quarter':
      return periodFromFields({ kind: 'fy-quarter', startYear: fyStart, quarter: (month >= 4 ? Math.ceil((month - 3) / 3) : 4) as 1 | 2 | 3 | 4 }) as PeriodOfKind<K>;
    case 'calendar-year':
      return periodFromFields({ kind: 'calendar-year', year }) as PeriodOfKind<K>;
    case 'financial-year':
      return periodFromFields({ kind: 'financial-year', startYear: fyStart }) as PeriodOfKind<K>;
    default:
      throw new Error(`not a period kind that tiles the calendar: ${JSON.stringify(kind)} (use one of ${UNIT_PERIOD_KINDS.join(', ')})`);
  }
}

function following(period: Period): Period {
  return periodContaining(period.kind as UnitPeriodKind, isoDateOf(parseIsoDate(period.end) + 1));
}

/**
 * The periods of a finer kind lying wholly inside a period, in order: the four quarters of
 * "2023/24", the three months of "2023/24 Q4", the financial years of "2021/22 - 2023/24".
 * Months, quarters and years tile their financial and calendar years exactly, so their values
 * can be summed into the coarser period; ISO weeks straddle month and year ends, so the weeks
 * returned may not cover the whole period (compare their first start and last end with it).
 * @example periodsInRange('2023/24', 'fy-quarter').map((p) => p.label) // ['2023/24 Q1', '2023/24 Q2', '2023/24 Q3', '2023/24 Q4']
 * @example periodsInRange('2023/24 Q4', 'month').map((p) => p.label) // ['2024-01', '2024-02', '2024-03']
 */
export function periodsInRange<K extends UnitPeriodKind>(range: Period | string, kind: K): PeriodOfKind<K>[] {
  const outer = toPeriod(range);
  const out: Period[] = [];
  for (let p: Period = periodContaining(kind, outer.start); p.start <= outer.end; p = following(p)) {
    if (p.start >= outer.start && p.end <= outer.end) out.push(p);
  }
  return out as PeriodOfKind<K>[];
}

/**
 * Every period from `first` to `last` inclusive, both of the same kind (e.g. for a complete time
 * axis with gaps filled). Throws naming the labels when the kinds differ, a kind does not tile
 * the calendar, or `last` comes before `first`.
 * @example periodsBetween('2022-W52', '2023-W02').map((p) => p.label) // ['2022-W52', '2023-W01', '2023-W02']
 */
export function periodsBetween(first: Period | string, last: Period | string): Period[] {
  const [a, b] = [toPeriod(first), toPeriod(last)];
  const kind = a.kind;
  if (b.kind !== kind) throw new Error(`periods ${JSON.stringify(a.label)} and ${JSON.stringify(b.label)} are of different kinds (${a.kind}, ${b.kind})`);
  if (!(UNIT_PERIOD_KINDS as readonly string[]).includes(kind)) throw new Error(`cannot step through ranges like ${JSON.stringify(a.label)}; use periodsInRange`);
  if (b.start < a.start) throw new Error(`period ${JSON.stringify(b.label)} comes before ${JSON.stringify(a.label)}`);
  return periodsInRange({ ...a, end: b.end }, kind as UnitPeriodKind);
}
