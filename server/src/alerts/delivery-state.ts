import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  alertDeliverySql,
  createAlertDeliveriesSql,
  insertPendingDeliverySql,
  pendingDeliveriesSql,
  recordDeliveryAttemptSql,
  type AlertDeliveryKey,
  type AlertDeliveryRow,
  type AlertDeliveryStatus,
} from '@pathfinder/metrics';
import type { CancellableRunner } from '../store/cancellable-runner.ts';
import { duckDbRunner } from '../store/duckdb-runner.ts';

/** The embedded database of the data directory where alert deliveries are recorded. */
export const DELIVERY_STATE_FILE = 'alert-deliveries.duckdb';

/**
 * Which alert deliveries are pending, delivered or given up, in a DuckDB file of the data directory
 * (ARCHITECTURE.md: user-written state lives beside the releases, never inside one). DuckDB lets one
 * process write a file: a second server on the same data directory cannot open it (and then
 * delivers nothing, saying so).
 */
export class DeliveryState {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly runner: CancellableRunner,
  ) {}

  static async open(file: string): Promise<DeliveryState> {
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    const runner = duckDbRunner([connection]);
    await runner.all(createAlertDeliveriesSql());
    return new DeliveryState(instance, connection, runner);
  }

  async get(key: AlertDeliveryKey): Promise<AlertDeliveryRow | null> {
    const [row] = await this.runner.all<AlertDeliveryRow & Record<string, unknown>>(alertDeliverySql(key));
    return row ?? null;
  }

  /** The delivery's row: the one recorded, or a new pending one with `body` (built only when none is recorded). */
  async begin(key: AlertDeliveryKey, previousRelease: string, body: () => Promise<string>): Promise<AlertDeliveryRow> {
    const known = await this.get(key);
    if (known) return known;
    await this.runner.all(insertPendingDeliverySql(key, previousRelease, await body()));
    const row = await this.get(key);
    if (!row) throw new Error(`delivery ${key.subscription} × ${key.release} × ${key.channel} was not recorded`);
    return row;
  }

  async record(key: AlertDeliveryKey, outcome: { status: AlertDeliveryStatus; attempts: number; lastError: string | null; deliveredAt: string | null }): Promise<void> {
    await this.runner.all(recordDeliveryAttemptSql(key, outcome));
  }

  pending(): Promise<AlertDeliveryRow[]> {
    return this.runner.all<AlertDeliveryRow & Record<string, unknown>>(pendingDeliveriesSql());
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
