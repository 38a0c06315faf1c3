/**
 * A quarter of an NHS financial year (April–March), labelled "2023/24 Q4".
 * Q1 = April–June of the first year, Q4 = January–March of the second.
 */
export interface FyQuarter {
  readonly startYear: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const LABEL = /^(\d{4})\/(\d{2}) Q([1-4])$/;

/** Parses "2023/24 Q4"; throws naming the bad label. */
export function parseFyQuarter(label: string): FyQuarter {
  const m = LABEL.exec(label);
  const startYear = Number(m?.[1]);
  if (!m || (startYear + 1) % 100 !== Number(m[2])) throw new Error(`not a financial-year quarter like "2023/24 Q4": ${JSON.stringify(label)}`);
  return { startYear, quarter: Number(m[3]) as FyQuarter['quarter'] };
}

/** "2023/24 Q4" for { startYear: 2023, quarter: 4 }. */
export function fyQuarterLabel(q: FyQuarter): string {
  return `${q.startYear}/${String((q.startYear + 1) % 100).padStart(2, '0')} Q${q.quarter}`;
}

/** First day of the quarter as an ISO date (UTC). */
export function fyQuarterStart(q: FyQuarter): string {
  const monthIndex = 3 + (q.quarter - 1) * 3; // April = 3
  const year = q.startYear + Math.floor(monthIndex / 12);
  return `${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}-01`;
}
