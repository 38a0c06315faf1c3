import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature.ts';
import { retryDelayMs } from './retry-schedule.ts';

describe('webhookSignature', () => {
  // RFC 4231, test case 2: HMAC-SHA-256 with key "Jefe" of "what do ya want for nothing?".
  it('is the RFC 4231 HMAC-SHA-256 of the body', () => {
    expect(webhookSignature('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verifies its own signature and refuses a changed body, secret or signature', () => {
    const body = JSON.stringify({ subscription: 'nel', alerts: [{ areaName: 'Hackney – É' }] });
    const signature = webhookSignature(body, 'a-secret-of-16-chars');
    expect(verifyWebhookSignature(body, 'a-secret-of-16-chars', signature)).toBe(true);
    expect(verifyWebhookSignature(`${body} `, 'a-secret-of-16-chars', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 'another-secret-16ch', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 'a-secret-of-16-chars', signature.slice(0, -1))).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the first delay, capped, and stops after the last attempt', () => {
    const schedule = { firstMs: 1000, maxMs: 10_000, maxAttempts: 6 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, schedule))).toEqual([1000, 2000, 4000, 8000, 10_000, null]);
  });
  it('by default waits 1 s, 2 s, 4 s … 5 min over 10 attempts', () => {
    expect(Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, null]);
  });
  it('refuses an attempt that is not a whole number from 1', () => expect(() => retryDelayMs(0)).toThrow('attempt must be a whole number ≥ 1 (got 0)'));
});
