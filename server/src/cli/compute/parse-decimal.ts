const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A finite number from a plain decimal text such as `12`, `-0.5` or `1.2e3` (surrounding spaces allowed);
 * undefined for anything else, including `NA`, `Infinity`, hex and thousands separators, which `Number()`
 * would accept or turn into 0.
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}
