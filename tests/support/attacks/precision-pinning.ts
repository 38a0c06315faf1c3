import type { Interval } from './recovery.ts';

/** A published ratio with its counts: value = numerator / denominator × multiplier (and limits, if any). */
export interface PublishedRatio {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly multiplier: number;
  /** Wilson score limits in the same unit as `value`, when the method is a proportion with Wilson limits. */
  readonly wilson?: { readonly lower95: number | null; readonly upper95: number | null; readonly lower998?: number | null; readonly upper998?: number | null } | undefined;
  /** Numerator ≤ denominator (a proportion). */
  readonly proportion: boolean;
}

export interface Pinned {
  readonly pairs: readonly (readonly [number, number])[];
  readonly numerator: Interval;
  readonly denominator: Interval;
}

// z for 95% and 99.8% two-sided (PHEindicatormethods uses qnorm(0.975) and qnorm(0.999)).
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** Wilson score interval of x of n, as a proportion (Newcombe 1998, method 3). */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const centre = 2 * x + z * z;
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - p));
  const scale = 2 * (n + z * z);
  return [(centre - spread) / scale, (centre + spread) / scale];
}

/** How close a recomputed number must be to a published one: half a unit of its last decimal, or a relative 1e-9 for full doubles. */
function tolerance(published: number): number {
  const text = String(published);
  const digits = text.replace(/^-?0?\.?0*|\.|e.*$/g, '').length;
  if (digits >= 12 || text.includes('e')) return Math.abs(published) * 1e-9 + 1e-12;
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  return 0.5 * 10 ** -decimals + 1e-12;
}

const near = (computed: number, published: number, loose = false) =>
  Math.abs(computed - published) <= (loose ? Math.max(tolerance(published), Math.abs(published) * 1e-6) : tolerance(published));

/** The counts a rounded published count could stand for, to search: c−2…c+2, 0, or 1–7 when hidden. */
function searchWindow(count: number | null): number[] {
  if (count === null) return [1, 2, 3, 4, 5, 6, 7];
  if (count === 0) return [0];
  return [count - 2, count - 1, count, count + 1, count + 2].filter((c) => c >= 0);
}

function consistent(r: PublishedRatio, n: number, d: number): boolean {
  if (d <= 0 || (r.proportion && n > d)) return false;
  if (!near((n / d) * r.multiplier, r.value!)) return false;
  if (!r.wilson) return true;
  const checks: [number | null | undefined, number, 0 | 1][] = [
    [r.wilson.lower95, Z95, 0], [r.wilson.upper95, Z95, 1], [r.wilson.lower998, Z998, 0], [r.wilson.upper998, Z998, 1],
  ];
  return checks.every(([published, z, side]) => published === null || published === undefined || near(wilson(n, d, z)[side] * r.multiplier, published, true));
}

/**
 * Precision pinning: the numerator and denominator pairs inside the rounding windows that give the
 * published value (and Wilson limits) to the precision it is published with. Null when the value
 * says nothing beyond the published counts: no value, or one the published counts themselves
 * reproduce (as a value computed from the rounded counts does), or no pair fits (another formula).
 */
export function pinRatio(r: PublishedRatio): Pinned | null {
  if (r.value === null) return null;
  if (r.numerator !== null && r.denominator !== null && consistent(r, r.numerator, r.denominator)) return null;
  const pairs: [number, number][] = [];
  for (const n of searchWindow(r.numerator)) for (const d of searchWindow(r.denominator)) if (consistent(r, n, d)) pairs.push([n, d]);
  if (pairs.length === 0) return null;
  const ns = pairs.map(([n]) => n);
  const ds = pairs.map(([, d]) => d);
  return { pairs, numerator: { lo: Math.min(...ns), hi: Math.max(...ns) }, denominator: { lo: Math.min(...ds), hi: Math.max(...ds) } };
}
