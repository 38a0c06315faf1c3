interface Bucket {
  tokens: number;
  at: number;
}

/** Whether a request may go ahead, and if not, when to retry. */
export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * One token bucket per key: `perMinute` tokens at most (the burst), refilled at `perMinute` a
 * minute. Full buckets are forgotten when more than `maxKeys` are held, so memory stays bounded.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {
    if (!(Number.isInteger(perMinute) && perMinute > 0)) throw new RangeError(`perMinute must be a whole number > 0 (got ${perMinute})`);
    this.perMs = perMinute / 60_000;
  }

  /** Takes one token for `key`, or says how many whole seconds until one is free. */
  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    // Still too many clients at once: drop the least recently seen (Map keeps insertion order).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
