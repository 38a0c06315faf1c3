const LANCZOS_G = 671 / 128;
const LANCZOS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
  0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
  0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * Lanczos approximation with g = 671/128 and 14 terms (Press et al., Numerical Recipes, 3rd edn, §6.1,
 * `gammln`), relative error below about 1e-15 over the whole positive axis.
 * @param x argument, a finite number > 0
 * @example logGamma(10) // 12.801827480081469 (= ln 9!)
 */
export function logGamma(x: number): number {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`x must be a finite number > 0 (got ${x})`);
  let y = x;
  const base = x + LANCZOS_G;
  let series = 0.999999999999997092;
  for (const c of LANCZOS) series += c / ++y;
  return (x + 0.5) * Math.log(base) - base + Math.log((2.5066282746310005 * series) / x);
}
