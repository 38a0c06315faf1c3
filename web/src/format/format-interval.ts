import { formatNumber, unitSuffix } from './format-number.ts';

type NumberFormat = (value: number) => string;
const oneDecimal: NumberFormat = (value) => formatNumber(value, 1);

// "to", not a dash, as the NHS content style guide asks for ranges: a dash between negative limits
// ("-15.0–-9.5") is hard to read and screen readers announce it inconsistently.
/** "95% CI 5.1 to 7.3": a 95% confidence interval, each limit formatted by `format` (one decimal by default). */
export const formatConfidenceInterval = (lower: number, upper: number, format: NumberFormat = oneDecimal): string =>
  `95% CI ${format(lower)} to ${format(upper)}`;

/**
 * "84.2% (95% CI 83.1 to 85.3)": a value with its unit and, when both limits are known, its 95%
 * confidence interval in brackets.
 */
export function formatValueWithInterval(value: number, lower: number | null | undefined, upper: number | null | undefined, { unit = '', format = oneDecimal }: { unit?: string; format?: NumberFormat } = {}): string {
  const interval = lower === null || lower === undefined || upper === null || upper === undefined ? '' : ` (${formatConfidenceInterval(lower, upper, format)})`;
  return `${format(value)}${unitSuffix(unit)}${interval}`;
}
