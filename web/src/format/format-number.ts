/** What a missing number reads as in tables and prose. */
export const MISSING = '–';

// One formatter per number of decimals, made once: Intl builds (and loads locale data for) a new
// formatter on every toLocaleString call.
const formatters = new Map<number, Intl.NumberFormat>();
const formatterFor = (digits: number): Intl.NumberFormat => {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  return formatter;
};

/** A number in en-GB digits with fixed decimals ("12,345.6"), or "–" when missing or not finite. */
export const formatNumber = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? MISSING : formatterFor(digits).format(value);

/** A whole count ("12,345"), rounded; "–" when missing. */
export const formatCount = (value: number | null | undefined): string => formatNumber(value, 0);

/** What follows a value of this unit: "%" sticks to the number, other units follow a space, none adds nothing. */
export const unitSuffix = (unit: string): string => (unit === '%' ? '%' : unit === '' ? '' : ` ${unit}`);

/** A value with its unit ("84.2%", "12.3 per 100,000"), or "–" when missing. */
export const formatWithUnit = (value: number | null | undefined, unit: string, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? MISSING : `${formatNumber(value, digits)}${unitSuffix(unit)}`;

/** A percentage ("84.2%"), or "–" when missing. */
export const formatPercent = (value: number | null | undefined, digits = 1): string => formatWithUnit(value, '%', digits);

/** Bytes as mebibytes with one decimal, without the unit ("12.3"): progress reads "1.2 of 12.3 MB". */
export const formatMegabytes = (bytes: number): string => formatNumber(bytes / 1_048_576, 1);
