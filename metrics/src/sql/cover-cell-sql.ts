import { BOROUGHS } from '../geography/london-geography.ts';
import { ROUTINE_DOSES } from '../immunisation/vaccine-schedule.ts';
import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/**
 * A dose's COVER cell (`cover_cell` in `events/doses.parquet`): one INTEGER packing what COVER
 * coverage groups doses by, `((dose × BOROUGH_SLOTS + borough) × BIRTH_MONTH_SLOTS + birth month) ×
 * AGE_BAND_SLOTS + age band`, so coverage is one GROUP BY over one integer column (two columns of
 * strings and small integers cost more to hash than one integer; see DEVELOPERS.md). Written by the
 * release writer from the columns users import, which do not change. The codes are part of the
 * release layout: changing an order or a slot count below needs a new generator version.
 * - dose: its place in ROUTINE_DOSES; a dose outside the routine schedule has no cell (NULL);
 * - borough: its place in BOROUGHS;
 * - birth month: months since January 1970 (children born before it, or 100 years after, have none);
 * - age band: how many of COVER's ages (12, 24, 60 months) the child had reached at the dose.
 */
export const COVER_CELL = {
  boroughSlots: 40,
  birthMonthSlots: 1200,
  firstBirthYear: 1970,
  ageBands: [12, 24, 60] as const,
  /** One more than the age bands: a dose at 60 months or older. */
  ageBandSlots: 4,
} as const;

/** Tables the release writer joins each dose to for its cell's dose and borough codes. */
export const COVER_CELL_CODE_TABLES = { doses: 'cover_cell_doses', boroughs: 'cover_cell_boroughs' } as const;

/** Creates the two small code tables (vaccine, dose → dose_index; borough_code → borough_index) as temporary tables. */
export function coverCellCodeTablesSql(): SqlQuery[] {
  const doses = new SqlParams();
  const boroughs = new SqlParams();
  return [
    {
      text: `CREATE OR REPLACE TEMP TABLE ${COVER_CELL_CODE_TABLES.doses} AS SELECT * FROM (VALUES ${ROUTINE_DOSES.map((d, i) => `(${doses.add(d.vaccine)}, ${doses.add(d.dose)}::INTEGER, ${doses.add(i)}::INTEGER)`).join(', ')}) t(vaccine, dose, dose_index)`,
      params: doses.values,
    },
    {
      text: `CREATE OR REPLACE TEMP TABLE ${COVER_CELL_CODE_TABLES.boroughs} AS SELECT * FROM (VALUES ${BOROUGHS.map((b, i) => `(${boroughs.add(b.code)}, ${boroughs.add(i)}::INTEGER)`).join(', ')}) t(borough_code, borough_index)`,
      params: boroughs.values,
    },
  ];
}

/**
 * The cell of a dose as an SQL expression over its columns `dose_index`, `borough_index` (from the
 * code tables), `birth_year_month` (YYYYMM) and `age_months`; NULL when any part has no code.
 */
export function coverCellSql(): string {
  const { boroughSlots, birthMonthSlots, firstBirthYear, ageBands, ageBandSlots } = COVER_CELL;
  const birthMonth = `((birth_year_month // 100 - ${firstBirthYear}) * 12 + birth_year_month % 100 - 1)`;
  const band = `(${ageBands.map((months) => `CASE WHEN age_months >= ${months} THEN 1 ELSE 0 END`).join(' + ')})`;
  return `CASE WHEN ${birthMonth} BETWEEN 0 AND ${birthMonthSlots - 1}
    THEN (((dose_index * ${boroughSlots} + borough_index) * ${birthMonthSlots} + ${birthMonth}) * ${ageBandSlots} + ${band})::INTEGER END`;
}
