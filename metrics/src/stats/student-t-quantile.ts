import { logGamma } from './log-gamma.ts';
import { normalQuantile } from './normal-quantile.ts';
import { regularizedBeta } from './regularized-beta.ts';

const MAX_ITERATIONS = 200;

/**
 * Quantile of Student's t distribution with `df` degrees of freedom: the t with P(T_df ≤ t) = p.
 *
 * Closed forms for df = 1 and 2; otherwise Newton's method on the upper tail
 * P(T > t) = ½·I_{df/(df + t²)}(df/2, ½) (on its logarithm beyond t = √df), safeguarded by bisection,
 * from a Cornish–Fisher or power-tail start (Abramowitz & Stegun 26.7.5, 26.5.27).
 * Relative accuracy about 1e-13 (agrees with R's `qt`).
 * Used for the t-based confidence interval of a mean (PHEindicatormethods `phe_mean`).
 * @param p probability, strictly between 0 and 1
 * @param df degrees of freedom, a finite number > 0 (need not be an integer)
 * @example studentTQuantile(0.975, 10) // 2.22813885198627… (R: qt(0.975, 10))
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be strictly between 0 and 1 (got ${p})`);
  if (!Number.isFinite(df) || df <= 0) throw new RangeError(`degrees of freedom must be a finite number > 0 (got ${df})`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -upperQuantile(p, df);
  return upperQuantile(1 - p, df);
}

/** The t > 0 whose upper tail probability is q (0 < q < ½). */
function upperQuantile(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const logNormaliser = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  const centre = 1 - 2 * q;
  let t = startingValue(q, df, logNormaliser);
  let low = 0;
  let high = Infinity;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const density = Math.exp(logNormaliser - ((df + 1) / 2) * Math.log1p((t * t) / df));
    let excess: number;
    let step: number;
    if (t * t < df) {
      // P(T > t) − q = ½((1 − 2q) − I_{t²/(df+t²)}(½, df/2)) keeps its precision as t → 0.
      excess = 0.5 * (centre - regularizedBeta((t * t) / (df + t * t), 0.5, df / 2));
      step = excess / density;
    } else {
      // In the tail Newton's method on ln P(T > t) converges where the tail falls off exponentially.
      const r2 = df / t / t;
      const tail = 0.5 * regularizedBeta(r2 / (1 + r2), df / 2, 0.5);
      excess = tail - q;
      step = (Math.log(tail / q) * tail) / density;
    }
    if (excess === 0) return t;
    if (excess > 0) low = t;
    else high = t;
    let next = t + step;
    if (next === t) return t;
    if (!(next > low && next < high)) next = high === Infinity ? 2 * t : (low + high) / 2;
    if (Math.abs(next - t) <= 2 * Number.EPSILON * next) return next;
    t = next;
  }
  throw new RangeError(`t quantile did not converge for q = ${q}, df = ${df}`);
}

function startingValue(q: number, df: number, logNormaliser: number): number {
  const z = -normalQuantile(q);
  const z2 = z * z;
  const cornishFisher = z + (z * (z2 + 1)) / (4 * df) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df);
  // Far tail: P(T > t) ≈ c·t^−df with c = density normaliser × df^((df − 1)/2).
  const powerTail = Math.exp((logNormaliser + ((df - 1) / 2) * Math.log(df) - Math.log(q)) / df);
  const start = Math.max(cornishFisher, powerTail);
  return start > 0 && Number.isFinite(start) ? start : z;
}
