import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-buckets.ts';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then refuses with the seconds until one token is back', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now);
    for (let i = 0; i < 60; i++) expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('refills at perMinute a minute: 6 a minute means one every 10 s', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, () => now);
    for (let i = 0; i < 6; i++) buckets.take('a');
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 4_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('keeps keys apart and forgets full buckets past maxKeys', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, () => now, 2);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('b').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    now += 120_000;
    for (const key of ['c', 'd', 'e']) expect(buckets.take(key).allowed).toBe(true);
    expect(buckets.take('e').allowed).toBe(false);
  });

  it('refuses a limit that is not a whole number above 0', () => {
    expect(() => new TokenBuckets(0)).toThrow('perMinute must be a whole number > 0 (got 0)');
  });
});
