/** A value of a CSV field: text, a number (non-finite numbers are left empty), a flag, or nothing. */
export type CsvValue = string | number | boolean | null | undefined;

/** A text that a spreadsheet reads as a number, not a formula: "-1.5", "+44", "1e-3". */
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** First characters that make a spreadsheet run a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading single quote, as OWASP recommends for CSV injection; numbers, and text that is exactly a
 * number, stay as they are, so "-1.5" is still a number to an analyst.
 * @example csvField('Barking, Havering and Redbridge') // '"Barking, Havering and Redbridge"'
 * @example csvField('=1+2') // "'=1+2"
 * @example csvField(-1.5) // '-1.5'
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const raw = String(value);
  const text = FORMULA_START.test(raw) && !NUMBER_TEXT.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV line with its trailing newline: the one writer behind the API's CSV answers, the
 * dashboard's table downloads and the command-line outputs, so they all quote alike.
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
