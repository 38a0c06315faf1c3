/** Kinds of reporting period, finest first. */
export const PERIOD_KINDS = ['iso-week', 'month', 'fy-quarter', 'calendar-year', 'financial-year', 'calendar-year-range', 'fy-range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Kinds that tile the calendar one after another, so finer ones can be listed inside coarser ones. */
export const UNIT_PERIOD_KINDS = ['iso-week', 'month', 'fy-quarter', 'calendar-year', 'financial-year'] as const;
export type UnitPeriodKind = (typeof UNIT_PERIOD_KINDS)[number];

interface Span {
  /** Canonical label, e.g. "2023/24 Q4". */
  readonly label: string;
  /** First day, ISO date. */
  readonly start: string;
  /** Last day (inclusive), ISO date. */
  readonly end: string;
}

/** ISO 8601 week "2022-W41": Monday to Sunday; week 1 is the week with the year's first Thursday. */
export interface IsoWeekPeriod extends Span {
  readonly kind: 'iso-week';
  readonly isoYear: number;
  readonly week: number;
}

/** Calendar month "2024-03". */
export interface MonthPeriod extends Span {
  readonly kind: 'month';
  readonly year: number;
  readonly month: number;
}

/** Quarter of an NHS financial year "2023/24 Q4" (Q1 = April–June). */
export interface FyQuarterPeriod extends Span {
  readonly kind: 'fy-quarter';
  readonly startYear: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

/** Calendar year "2024". */
export interface CalendarYearPeriod extends Span {
  readonly kind: 'calendar-year';
  readonly year: number;
}

/** NHS financial year "2023/24": 1 April 2023 to 31 March 2024. */
export interface FinancialYearPeriod extends Span {
  readonly kind: 'financial-year';
  readonly startYear: number;
}

/** Pooled calendar years "2021 - 2023" (Fingertips writes "2021 - 23"). */
export interface CalendarYearRangePeriod extends Span {
  readonly kind: 'calendar-year-range';
  readonly firstYear: number;
  readonly lastYear: number;
}

/** Pooled financial years "2021/22 - 2023/24" (Fingertips writes "2021/22 - 23/24"). */
export interface FyRangePeriod extends Span {
  readonly kind: 'fy-range';
  readonly firstStartYear: number;
  readonly lastStartYear: number;
}

export type Period =
  | IsoWeekPeriod
  | MonthPeriod
  | FyQuarterPeriod
  | CalendarYearPeriod
  | FinancialYearPeriod
  | CalendarYearRangePeriod
  | FyRangePeriod;

type Fields<P> = P extends Period ? Omit<P, keyof Span> : never;

/** What identifies a period: its kind and numbers, without the derived label and dates. */
export type PeriodFields = Fields<Period>;

export type PeriodOfKind<K extends PeriodKind> = Extract<Period, { kind: K }>;
