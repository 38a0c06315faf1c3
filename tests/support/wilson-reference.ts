/** z of a two-sided 95% and 99.8% interval (shared/reference/README.md, section 1). */
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/**
 * PHEindicatormethods' phe_proportion written out from its formula (shared/reference/README.md,
 * section 1), apart from the server's code, so tests can hold the server's answers to it: the
 * value x/n and the Wilson limits (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), times `multiplier`. A missing x or n gives missing outputs, as phe_proportion does.
 */
export function pheProportion(x: number | null, n: number | null, multiplier: number): Record<'value' | 'lower95' | 'upper95' | 'lower998' | 'upper998', number | null> {
  if (x === null || n === null) return { value: null, lower95: null, upper95: null, lower998: null, upper998: null };
  const limits = (z: number) => {
    const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
    const over = 2 * (n + z * z);
    return [((2 * x + z * z - spread) / over) * multiplier, ((2 * x + z * z + spread) / over) * multiplier] as const;
  };
  const [lower95, upper95] = limits(Z95);
  const [lower998, upper998] = limits(Z998);
  return { value: (x / n) * multiplier, lower95, upper95, lower998, upper998 };
}
