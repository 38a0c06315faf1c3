import { webhookSignature } from './webhook-signature.ts';

/** A delivery attempt that did not reach or was refused by its receiver (a network error, or a status outside 2xx). */
export class DeliveryFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs a webhook body once: JSON, signed (`X-Pathfinder-Signature`), with the delivery's
 * `Idempotency-Key` so a receiver can drop a repeat. Throws `DeliveryFailure` unless it answers 2xx.
 */
export async function sendWebhook(webhook: { readonly url: string; readonly secret: string }, body: string, idempotencyKey: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(webhook.url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'X-Pathfinder-Signature': webhookSignature(body, webhook.secret), 'Idempotency-Key': idempotencyKey, 'User-Agent': 'pathfinder-monitor-alerts' },
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryFailure(`POST ${new URL(webhook.url).origin} failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
  // The answer is not read beyond its status; cancel it so the connection is freed.
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new DeliveryFailure(`POST ${new URL(webhook.url).origin} answered ${response.status}`);
}
