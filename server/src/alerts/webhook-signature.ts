import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Pathfinder-Signature` of a webhook body: `sha256=` and the hex HMAC-SHA256 of the exact bytes sent, keyed with the subscription's secret. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether `signature` is the body's, compared in constant time (what a receiver does: SECURITY.md shows it). */
export function verifyWebhookSignature(body: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(body, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
