import path from 'node:path';
import type { ServerEnv } from '../env.ts';
import type { StatusTables } from '../services/attention/release-alerts.ts';
import type { DataStore, OpenRelease } from '../store/data-store.ts';
import { AlertDelivery } from './alert-delivery.ts';
import { DELIVERY_STATE_FILE, DeliveryState } from './delivery-state.ts';
import { smtpSender } from './email-sender.ts';
import type { Subscription } from '@pathfinder/metrics';

export interface RunningAlertDelivery {
  /** A release became current: deliver its alerts (in the background). */
  released(release: OpenRelease): void;
  stop(): Promise<void>;
}

/**
 * Alert delivery for `serve` (the subscriptions of subscriptions.json, read and checked before): opens the delivery state, resumes what is pending and delivers the current release's
 * alerts if not done yet, all in the background. Null when there are no subscriptions.
 */
export async function startAlertDelivery(options: { dataDir: string; subscriptions: readonly Subscription[]; env: ServerEnv; store: DataStore; statusTables: StatusTables; origin: string; log: (line: Record<string, unknown>) => void }): Promise<RunningAlertDelivery | null> {
  const { dataDir, subscriptions, env, store, log } = options;
  if (subscriptions.length === 0) return null;
  const state = await DeliveryState.open(path.join(dataDir, DELIVERY_STATE_FILE)).catch((error: unknown) => {
    log({ level: 'error', msg: 'alerts: the delivery state cannot be opened (is another server using this data directory?); no alert is delivered', error: error instanceof Error ? error.message : String(error) });
    return null;
  });
  if (state === null) return null;
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
      state.close();
    },
  };
}
