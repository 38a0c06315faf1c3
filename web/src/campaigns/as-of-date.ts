const DAY_MS = 86_400_000;

/**
 * An ISO date moved by whole days, kept within [min, max].
 * @example shiftDate('2022-10-13', -7, '2022-08-16', '2023-03-31') // "2022-10-06"
 */
export function shiftDate(date: string, days: number, min: string, max: string): string {
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return moved < min ? min : moved > max ? max : moved;
}
