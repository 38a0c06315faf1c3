import { formatDate } from '../format/format-date.ts';
import { formatCount } from '../format/format-number.ts';

/** A count of children for prose: "12,345"; "hidden" when disclosure control hid it. */
export const formatChildren = (n: number | null | undefined): string => (n === null || n === undefined ? 'hidden (small numbers)' : formatCount(n));

/** "Week ending 13 October 2022", or the day itself for daily intervals. */
export const intervalLabel = (date: string, interval: 'week' | 'day'): string => (interval === 'week' ? `Week ending ${formatDate(date)}` : formatDate(date));

/** "week ending 13 October 2022" (or the day): the interval inside a sentence. */
export const intervalPhrase = (date: string, interval: 'week' | 'day'): string => (interval === 'week' ? `week ending ${formatDate(date)}` : formatDate(date));

/** "week", "day": the interval in running text. */
export const intervalNoun = (interval: 'week' | 'day'): string => (interval === 'week' ? 'week' : 'day');
