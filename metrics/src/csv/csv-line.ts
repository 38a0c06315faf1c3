/** A value of a CSV field: text, a number (non-finite numbers are left empty), a flag, or nothing. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Quotes a CSV field (RFC 4180) when it holds a comma, quote or line break.
 * @example csvField('Barking, Havering and Redbridge') // '"Barking, Havering and Redbridge"'
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV line with its trailing newline: the one writer behind the API's CSV answers, the
 * dashboard's table downloads and the command-line outputs, so they all quote alike.
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
