import { describe, expect, it } from 'vitest';
import { LruCache } from './response-cache.ts';

/** A cache of strings that cost their length in bytes. */
const cacheOf = (maxBytes: number) => new LruCache<string>(maxBytes, (value) => value.length);

describe('LruCache', () => {
  it('holds at most its budget in bytes, evicting the least recently used first', () => {
    const cache = cacheOf(10);
    cache.set('a', 'xxxx');
    cache.set('b', 'xxxx');
    expect(cache.get('a')).toBe('xxxx');
    cache.set('c', 'xxxx');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('xxxx');
    expect(cache.get('c')).toBe('xxxx');
    expect(cache.bytes).toBe(8);
  });

  it('evicts as many entries as one large value needs', () => {
    const cache = cacheOf(10);
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, 'xx');
    cache.set('big', 'x'.repeat(9));
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(9);
  });

  it('keeps nothing larger than the whole budget, and drops what the key held before', () => {
    const cache = cacheOf(10);
    cache.set('a', 'xx');
    expect(cache.set('a', 'x'.repeat(11))).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('counts a replaced value once', () => {
    const cache = cacheOf(10);
    cache.set('a', 'xxxxxx');
    cache.set('a', 'xxx');
    expect(cache.bytes).toBe(3);
    cache.clear();
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});
