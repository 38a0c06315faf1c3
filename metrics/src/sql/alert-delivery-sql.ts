import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/**
 * The delivery state of alerts (user-written data, in the data directory's embedded database, never
 * in a release): one row per subscription × release × channel, so a restart resumes what is pending
 * and skips what was delivered. `body` is the exact payload first built, so a retry after a restart
 * sends the same bytes (and the same signature) as the first attempt.
 */
export const ALERT_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUSES)[number];
export const ALERT_CHANNELS = ['webhook', 'email'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export interface AlertDeliveryKey {
  readonly subscription: string;
  readonly release: string;
  readonly channel: AlertChannel;
}

export interface AlertDeliveryRow extends AlertDeliveryKey {
  readonly previous_release: string;
  readonly status: AlertDeliveryStatus;
  readonly attempts: number;
  readonly last_error: string | null;
  /** ISO date-time of the successful attempt. */
  readonly delivered_at: string | null;
  readonly body: string;
}

const TABLE = 'alert_deliveries';

export const createAlertDeliveriesSql = (): SqlQuery => ({
  text: `CREATE TABLE IF NOT EXISTS ${TABLE} (
  subscription VARCHAR NOT NULL,
  release VARCHAR NOT NULL,
  channel VARCHAR NOT NULL CHECK (channel IN ('webhook', 'email')),
  previous_release VARCHAR NOT NULL,
  status VARCHAR NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL,
  last_error VARCHAR,
  delivered_at VARCHAR,
  body VARCHAR NOT NULL,
  PRIMARY KEY (subscription, release, channel)
)`,
  params: [],
});

const COLUMNS = 'subscription, release, channel, previous_release, status, attempts, last_error, delivered_at, body';

const whereKey = (p: SqlParams, key: AlertDeliveryKey) => `subscription = ${p.add(key.subscription)} AND release = ${p.add(key.release)} AND channel = ${p.add(key.channel)}`;

/** The state of one delivery (no row: never started). */
export function alertDeliverySql(key: AlertDeliveryKey): SqlQuery {
  const p = new SqlParams();
  const text = `SELECT ${COLUMNS} FROM ${TABLE} WHERE ${whereKey(p, key)}`;
  return { text, params: p.values };
}

/** Records a delivery about to be attempted with its payload; a delivery already recorded keeps its row (and body). */
export function insertPendingDeliverySql(key: AlertDeliveryKey, previousRelease: string, body: string): SqlQuery {
  const p = new SqlParams();
  const text = `INSERT INTO ${TABLE} (${COLUMNS}) VALUES (${p.add(key.subscription)}, ${p.add(key.release)}, ${p.add(key.channel)}, ${p.add(previousRelease)}, 'pending', 0, NULL, NULL, ${p.add(body)}) ON CONFLICT DO NOTHING`;
  return { text, params: p.values };
}

/** Records the outcome of an attempt. */
export function recordDeliveryAttemptSql(key: AlertDeliveryKey, outcome: { status: AlertDeliveryStatus; attempts: number; lastError: string | null; deliveredAt: string | null }): SqlQuery {
  const p = new SqlParams();
  const set = `status = ${p.add(outcome.status)}, attempts = ${p.add(outcome.attempts)}::INTEGER, last_error = ${p.add(outcome.lastError)}, delivered_at = ${p.add(outcome.deliveredAt)}`;
  const text = `UPDATE ${TABLE} SET ${set} WHERE ${whereKey(p, key)}`;
  return { text, params: p.values };
}

/** Every delivery not yet delivered nor given up, oldest release first. */
export const pendingDeliveriesSql = (): SqlQuery => ({ text: `SELECT ${COLUMNS} FROM ${TABLE} WHERE status = 'pending' ORDER BY release, subscription, channel`, params: [] });
