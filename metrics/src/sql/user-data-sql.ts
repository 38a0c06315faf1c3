import { createAlertDeliveriesSql } from './alert-delivery-sql.ts';
import { SqlParams } from './sql-params.ts';
import { quoteLiteral, type SqlQuery } from './sql-query.ts';

/**
 * The schema of the user-data file (user-written state: alert deliveries, annotations, snapshots;
 * ARCHITECTURE.md). Each entry of `USER_DATA_MIGRATIONS` takes the file from one version to the
 * next; the version reached is kept in `user_data_schema`, so a file written by an older server is
 * brought up to date once, and a newer one is refused rather than misread.
 */
const VERSION_TABLE = 'user_data_schema';

export const createUserDataVersionSql = (): SqlQuery => ({ text: `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`, params: [] });

export const userDataVersionSql = (): SqlQuery => ({ text: `SELECT max(version) AS version FROM ${VERSION_TABLE}`, params: [] });

export function setUserDataVersionSql(version: number): SqlQuery {
  const p = new SqlParams();
  return { text: `INSERT INTO ${VERSION_TABLE} (version) VALUES (${p.add(version)}::INTEGER)`, params: p.values };
}

const createAnnotationsSql = (): SqlQuery => ({
  text: `CREATE TABLE IF NOT EXISTS annotations (
  id VARCHAR PRIMARY KEY,
  indicator_id VARCHAR NOT NULL,
  area_code VARCHAR NOT NULL,
  area_type VARCHAR NOT NULL,
  area_icb VARCHAR,
  date VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  public BOOLEAN NOT NULL,
  author_subject VARCHAR,
  author_role VARCHAR NOT NULL CHECK (author_role IN ('ics', 'region', 'admin')),
  author_icb VARCHAR,
  created_at VARCHAR NOT NULL
)`,
  params: [],
});

const createSnapshotsSql = (): SqlQuery => ({
  text: `CREATE TABLE IF NOT EXISTS snapshots (
  id VARCHAR PRIMARY KEY,
  view VARCHAR NOT NULL,
  release VARCHAR NOT NULL,
  created_at VARCHAR NOT NULL
)`,
  params: [],
});

/** Version n + 1 is reached by running `USER_DATA_MIGRATIONS[n]` (in one transaction). */
export const USER_DATA_MIGRATIONS: readonly (readonly SqlQuery[])[] = [[createAlertDeliveriesSql(), createAnnotationsSql(), createSnapshotsSql()]];

/** The statements around one migration, so a file is at one version or the next, never between. */
export const TRANSACTION_SQL = {
  begin: { text: 'BEGIN TRANSACTION', params: [] },
  commit: { text: 'COMMIT', params: [] },
  rollback: { text: 'ROLLBACK', params: [] },
} as const satisfies Record<string, SqlQuery>;

/**
 * Copies the alert deliveries of the file they had before the user-data file (`alert-deliveries.duckdb`)
 * into it, once, when the user-data file is new: a delivery done before the upgrade is not sent
 * again. ATTACH takes no parameter, so the path is a quoted literal.
 */
export function importLegacyDeliveriesSql(file: string): readonly SqlQuery[] {
  return [
    { text: `ATTACH ${quoteLiteral(file)} AS legacy_deliveries (READ_ONLY)`, params: [] },
    { text: 'INSERT INTO alert_deliveries SELECT subscription, release, channel, previous_release, status, attempts, last_error, delivered_at, body FROM legacy_deliveries.alert_deliveries ON CONFLICT DO NOTHING', params: [] },
    { text: 'DETACH legacy_deliveries', params: [] },
  ];
}
