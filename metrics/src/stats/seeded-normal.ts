import { normalQuantile } from './normal-quantile.ts';

/**
 * A reproducible stream of standard normal deviates: the same seed always gives the same sequence,
 * on every platform. Uniforms come from sfc32 (Chris Doty-Humphrey's "small fast counting" generator,
 * PractRand), two 32-bit outputs per deviate for 53 bits, turned into normals by inversion
 * (Φ⁻¹ by AS 241), the method of R's default `rnorm`. The sequence is not R's: R draws its uniforms
 * from a Mersenne Twister.
 * @param seed any safe integer
 * @example
 * const draw = seededNormal(1);
 * draw(); // a deviate from N(0, 1), the same one for every run with seed 1
 */
export function seededNormal(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  const next = sfc32(seed);
  return () => {
    const high = next() >>> 5;
    const low = next() >>> 6;
    // (27 + 26 bits + ½) / 2⁵³ lies strictly inside (0, 1), so Φ⁻¹ is always finite.
    return normalQuantile((high * 67108864 + low + 0.5) / 9007199254740992);
  };
}

function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = (Math.floor(seed / 2 ** 32) ^ 0xb7e15162) >>> 0;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of a freshly seeded sfc32 are poorly mixed; its author discards 12 or more.
  for (let i = 0; i < 15; i++) next();
  return next;
}
