/**
 * Event-level immunisation data in a release (`events/children.parquet`, `events/doses.parquet`):
 * one row per child (pseudonymised id, never an NHS number) and one row per dose given, carrying
 * the child's attributes too (denormalised: cohort measures need no join).
 */
export const CHILD_COLUMNS = {
  child_id: 'BIGINT',
  birth_date: 'DATE',
  practice_code: 'VARCHAR',
  borough_code: 'VARCHAR',
  deprivation_quintile: 'TINYINT',
  ethnic_group: 'VARCHAR',
  sex: 'VARCHAR',
} as const;

export const DOSE_COLUMNS = {
  ...CHILD_COLUMNS,
  vaccine: 'VARCHAR',
  dose: 'TINYINT',
  event_date: 'DATE',
  /** Birth year × 100 + birth month (e.g. 202103): COVER quarters depend only on it. */
  birth_year_month: 'INTEGER',
  /** Completed months of age on the day of the dose (the largest m with birth + m months ≤ event date). */
  age_months: 'INTEGER',
  /** Derived by the release writer: routine dose, borough, birth month and COVER age band in one integer (`COVER_CELL`); NULL outside the routine schedule. */
  cover_cell: 'INTEGER',
} as const;

/** Practices and PCNs of a release (`areas.parquet`); fixed geography (England … boroughs) lives in code. */
export const AREA_COLUMNS = {
  area_code: 'VARCHAR',
  area_name: 'VARCHAR',
  area_type: 'VARCHAR',
  parent_code: 'VARCHAR',
  borough_code: 'VARCHAR',
  icb_code: 'VARCHAR',
  deprivation_quintile: 'TINYINT',
} as const;

