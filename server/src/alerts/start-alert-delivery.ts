import type { ServerEnv } from '../env.ts';
import type { StatusTables } from '../services/attention/release-alerts.ts';
import type { DataStore, OpenRelease } from '../store/data-store.ts';
import { AlertDelivery } from './alert-delivery.ts';
import { DeliveryState } from './delivery-state.ts';
import type { UserDataFile } from '../user-data/user-data-file.ts';
import { smtpSender } from './email-sender.ts';
import type { Subscription } from '@pathfinder/metrics';

export interface RunningAlertDelivery {
  /** A release became current: deliver its alerts (in the background). */
  released(release: OpenRelease): void;
  stop(): Promise<void>;
}

/**
 * Alert delivery for `serve` (the subscriptions of subscriptions.json, read and checked before): resumes what is pending in the delivery state of the user-data file and delivers the current release's
 * alerts if not done yet, all in the background. Null when there are no subscriptions, or no user-data file (`userDataError` says why: another server has it).
 */
export function startAlertDelivery(options: { userData: UserDataFile | null; userDataError: string | null; subscriptions: readonly Subscription[]; env: ServerEnv; store: DataStore; statusTables: StatusTables; origin: string; log: (line: Record<string, unknown>) => void }): RunningAlertDelivery | null {
  const { userData, subscriptions, env, store, log } = options;
  if (subscriptions.length === 0) return null;
  if (userData === null) {
    log({ level: 'error', msg: 'alerts: the delivery state cannot be opened (is another server using this data directory?); no alert is delivered', error: options.userDataError });
    return null;
  }
  const state = DeliveryState.of(userData);
  const email = env.SMTP_URL ? smtpSender(env.SMTP_URL, env.ALERTS_FROM) : null;
  if (!email && subscriptions.some((s) => s.email)) log({ level: 'warn', msg: 'alerts: SMTP_URL is not set, so the subscriptions’ emails are not sent', subscriptions: subscriptions.filter((s) => s.email).map((s) => s.id) });
  const delivery = new AlertDelivery({ store, statusTables: options.statusTables, subscriptions, state, origin: options.origin, email, log });
  log({ msg: 'alerts: delivering to subscriptions', subscriptions: subscriptions.map((s) => s.id), email: email !== null });
  const work = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    work.add(p);
    p.finally(() => work.delete(p));
  };
  track(delivery.resume(store.current()));
  return {
    released: (release) => track(delivery.deliverRelease(release)),
    async stop() {
      delivery.stop();
      await Promise.all(work);
      email?.close();
    },
  };
}
