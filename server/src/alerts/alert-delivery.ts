import { SEVERITIES, type AlertChannel, type AlertDeliveryKey, type AlertDeliveryRow, type AlertItem, type ReleaseManifest, type Subscription, type WebhookPayload } from '@pathfinder/metrics';
import { releaseForCaller } from '../auth/caller-areas.ts';
import type { Caller } from '../auth/caller.ts';
import { alertSeverity, pinnedAlertLink } from '../services/attention/alerts-between.ts';
import { previousRelease } from '../services/attention/previous-release.ts';
import { releaseAlerts, type StatusTables } from '../services/attention/release-alerts.ts';
import type { DataStore, OpenRelease } from '../store/data-store.ts';
import type { DeliveryState } from './delivery-state.ts';
import { emailDigest, type EmailDigest } from './email-digest.ts';
import type { EmailSender } from './email-sender.ts';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './retry-schedule.ts';
import { sendWebhook } from './webhook-sender.ts';

export interface AlertDeliveryDeps {
  readonly store: DataStore;
  readonly statusTables: StatusTables;
  readonly subscriptions: readonly Subscription[];
  readonly state: DeliveryState;
  /** Origin the alerts' deep links are made absolute with (PUBLIC_URL, else the server's own address). */
  readonly origin: string;
  /** Sends email digests (SMTP_URL); null: subscriptions' emails are not sent. */
  readonly email: EmailSender | null;
  readonly webhook?: typeof sendWebhook;
  readonly schedule?: RetrySchedule;
  readonly now?: () => Date;
  /** One JSON line per attempt and per decision. */
  readonly log: (line: Record<string, unknown>) => void;
}

interface EmailBody extends EmailDigest {
  readonly to: readonly string[];
}

/**
 * Delivers each new release's alerts to the subscriptions, by webhook and by email, recording every
 * delivery (subscription × release × channel) in the data directory's `DeliveryState` before its
 * first attempt: a restart resumes what is pending (`resume`) and skips what was delivered or given
 * up. Attempts are retried with exponential backoff; nothing here throws to its caller, so a
 * delivery can never stop the server: every failure is a log line.
 */
export class AlertDelivery {
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly deps: AlertDeliveryDeps) {}

  /** The alerts of `release` for every subscription and channel not yet delivered; settles when each is delivered or given up. */
  async deliverRelease(release: OpenRelease): Promise<void> {
    try {
      const manifests = this.deps.store.releases ? await this.deps.store.releases() : [];
      const since = previousRelease(release.manifest, manifests);
      if (since === null) {
        this.deps.log({ msg: 'alerts: no earlier release of the same kind, nothing to deliver', release: release.manifest.id });
        return;
      }
      await Promise.all(this.deps.subscriptions.flatMap((sub) => this.channels(sub).map((channel) => this.deliver(sub, channel, release, since))));
    } catch (error) {
      this.deps.log({ level: 'error', msg: 'alerts: delivering a release failed', release: release.manifest.id, error: message(error) });
    }
  }

  /** At start: every delivery left pending resumes with the body recorded for it (releases other than `current` included), then `current`'s are delivered. */
  async resume(current: OpenRelease): Promise<void> {
    try {
      const pending = await this.deps.state.pending();
      const byId = new Map(this.deps.subscriptions.map((s) => [s.id, s]));
      const resumed = pending.flatMap((row) => {
        const sub = byId.get(row.subscription);
        if (sub === undefined || !this.channels(sub).includes(row.channel)) {
          this.deps.log({ level: 'warn', msg: 'alerts: a pending delivery’s subscription or channel is gone; left pending', subscription: row.subscription, release: row.release, channel: row.channel });
          return [];
        }
        return [this.once(row, () => this.attempts(sub, row))];
      });
      await Promise.all([...resumed, this.deliverRelease(current)]);
    } catch (error) {
      this.deps.log({ level: 'error', msg: 'alerts: resuming deliveries failed', error: message(error) });
    }
  }

  /** Stops retrying (at shutdown): a delivery waiting for its next attempt stays pending for the next start. */
  stop(): void {
    this.stopping.abort();
  }

  private channels(sub: Subscription): AlertChannel[] {
    return [...(sub.webhook ? (['webhook'] as const) : []), ...(sub.email && this.deps.email ? (['email'] as const) : [])];
  }

  /** One delivery, settled (never rejected) only when it is done, so every delivery has finished when a release's have (the state is closed after). */
  private async deliver(sub: Subscription, channel: AlertChannel, release: OpenRelease, since: ReleaseManifest): Promise<void> {
    const key: AlertDeliveryKey = { subscription: sub.id, release: release.manifest.id, channel };
    try {
      const running = this.running.get(keyText(key));
      if (running) return await running;
      const row = await this.deps.state.begin(key, since.id, () => this.body(sub, channel, release, since));
      if (row.status !== 'pending') {
        this.deps.log({ msg: 'alerts: already handled, not sent again', ...key, status: row.status });
        return;
      }
      await this.once(row, () => this.attempts(sub, row));
    } catch (error) {
      // Nothing was recorded (the alerts could not be built) or the state could not be read: the next start tries again.
      this.deps.log({ level: 'error', msg: 'alerts: a delivery could not start', ...key, error: message(error) });
    }
  }

  private once(key: AlertDeliveryKey, run: () => Promise<void>): Promise<void> {
    const text = keyText(key);
    const known = this.running.get(text);
    if (known) return known;
    const started = run().finally(() => this.running.delete(text));
    this.running.set(text, started);
    return started;
  }

  private async body(sub: Subscription, channel: AlertChannel, release: OpenRelease, since: ReleaseManifest): Promise<string> {
    const caller: Caller = { role: sub.role, icb: sub.icb ?? null, subject: `subscription:${sub.id}` };
    const { rows } = await releaseAlerts(this.deps.store, this.deps.statusTables, releaseForCaller(release, caller), caller, since.id);
    const worst = SEVERITIES.indexOf(sub.minSeverity);
    const alerts = rows
      .map((r) => r.item)
      .filter((a) => SEVERITIES.indexOf(alertSeverity(a)) <= worst && (sub.domains === undefined || sub.domains.includes(a.domain)))
      .map((a): AlertItem => ({ ...a, link: new URL(pinnedAlertLink(a, release.manifest.id), this.deps.origin).href }));
    if (channel === 'webhook') return JSON.stringify({ subscription: sub.id, release: release.manifest.id, previousRelease: since.id, alerts } satisfies WebhookPayload<AlertItem>);
    const digest = emailDigest({ subscription: sub.id, release: release.manifest.id, previousRelease: since.id, alerts });
    return JSON.stringify({ to: sub.email?.to ?? [], ...digest } satisfies EmailBody);
  }

  private async attempts(sub: Subscription, row: AlertDeliveryRow): Promise<void> {
    const key: AlertDeliveryKey = { subscription: row.subscription, release: row.release, channel: row.channel };
    const schedule = this.deps.schedule ?? DEFAULT_RETRY_SCHEDULE;
    for (let attempt = row.attempts + 1; !this.stopping.signal.aborted; attempt++) {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        await this.send(sub, row);
        await this.deps.state.record(key, { status: 'delivered', attempts: attempt, lastError: null, deliveredAt: (this.deps.now?.() ?? new Date()).toISOString() });
        this.deps.log({ msg: 'alert delivery attempt', ...key, attempt, outcome: 'delivered', ms: ms() });
        return;
      } catch (error) {
        const delay = retryDelayMs(Math.min(attempt, schedule.maxAttempts), schedule);
        await this.deps.state.record(key, { status: delay === null ? 'failed' : 'pending', attempts: attempt, lastError: message(error), deliveredAt: null }).catch((e: unknown) => this.deps.log({ level: 'error', msg: 'alerts: recording an attempt failed', ...key, error: message(e) }));
        this.deps.log({ level: 'warn', msg: 'alert delivery attempt', ...key, attempt, outcome: delay === null ? 'given up' : 'will retry', retryInMs: delay, error: message(error), ms: ms() });
        if (delay === null) return;
        await sleep(delay, this.stopping.signal);
      }
    }
  }

  private async send(sub: Subscription, row: AlertDeliveryRow): Promise<void> {
    if (row.channel === 'webhook') {
      if (!sub.webhook) throw new Error(`subscription ${sub.id} has no webhook now`);
      await (this.deps.webhook ?? sendWebhook)(sub.webhook, row.body, `${row.subscription}:${row.release}`);
      return;
    }
    if (!this.deps.email) throw new Error('SMTP_URL is not set');
    const { to, ...digest } = JSON.parse(row.body) as EmailBody;
    await this.deps.email(to, digest);
  }
}

const keyText = (key: AlertDeliveryKey) => `${key.subscription}\u0000${key.release}\u0000${key.channel}`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
