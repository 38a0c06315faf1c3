/**
 * Columns of `observations.parquet` in a data release, in file order, with their DuckDB types.
 * One row per indicator × area × period × breakdown; values and CIs are computed, never stored.
 */
export const OBSERVATION_COLUMNS = {
  indicator_id: 'VARCHAR',
  area_code: 'VARCHAR',
  area_type: 'VARCHAR',
  period: 'VARCHAR',
  period_start: 'DATE',
  breakdown: 'VARCHAR',
  numerator: 'BIGINT',
  denominator: 'BIGINT',
  value_note: 'VARCHAR',
} as const;

export type ObservationColumn = keyof typeof OBSERVATION_COLUMNS;
