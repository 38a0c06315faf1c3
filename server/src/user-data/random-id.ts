import { getRandomValues } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 62 below 256: bytes from it up are drawn again, so every letter is equally likely.
const UNBIASED_BELOW = 248;

/** `length` letters and digits from the system's cryptographic random source (62^10 ≈ 8·10^17 ids of 10). */
export function randomId(length: number): string {
  let id = '';
  while (id.length < length) {
    for (const byte of getRandomValues(new Uint8Array(length * 2))) {
      if (byte < UNBIASED_BELOW && id.length < length) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
