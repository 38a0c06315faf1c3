/**
 * Columns of `observations.parquet` in a data release, in file order, with their DuckDB types.
 * One row per indicator × area × period × breakdown; values and CIs are computed, never stored.
 * The `published_*` columns keep a source's own value and 95% limits (a Fingertips import) so ours
 * can be compared with them; they are NULL for every other source.
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
  published_value: 'DOUBLE',
  published_lower95: 'DOUBLE',
  published_upper95: 'DOUBLE',
} as const;

export type ObservationColumn = keyof typeof OBSERVATION_COLUMNS;
