import {
  alertDeliverySql,
  insertPendingDeliverySql,
  pendingDeliveriesSql,
  recordDeliveryAttemptSql,
  type AlertDeliveryKey,
  type AlertDeliveryRow,
  type AlertDeliveryStatus,
} from '@pathfinder/metrics';
import type { CancellableRunner } from '../store/cancellable-runner.ts';
import { UserDataFile } from '../user-data/user-data-file.ts';

/**
 * Which alert deliveries are pending, delivered or given up, in the data directory's user-data file
 * (ARCHITECTURE.md: user-written state lives beside the releases, never inside one). DuckDB lets one
 * process write a file: a second server on the same data directory cannot open it (and then
 * delivers nothing, saying so).
 */
export class DeliveryState {
  private constructor(
    private readonly runner: CancellableRunner,
    /** The file this state opened itself (and closes); null when it shares one the server opened. */
    private readonly owned: UserDataFile | null,
  ) {}

  /** The delivery state in the user-data file the server has open. */
  static of(userData: UserDataFile): DeliveryState {
    return new DeliveryState(userData.runner, null);
  }

  /** Opens a user-data file (`:memory:` for none) for the delivery state alone. */
  static async open(file: string): Promise<DeliveryState> {
    const userData = await UserDataFile.open(file);
    return new DeliveryState(userData.runner, userData);
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

  /** Closes the file when this state opened it; a shared one is closed by whoever opened it. */
  close(): void {
    this.owned?.close();
  }
}
