import { formatDate } from '../components/site-header.tsx';

/** A count of children for prose: "12,345"; "hidden" when disclosure control hid it. */
export const formatChildren = (n: number | null | undefined): string => (n === null || n === undefined ? 'hidden (small numbers)' : Math.round(n).toLocaleString('en-GB'));

/** "Week ending 13 October 2022", or the day itself for daily intervals. */
export const intervalLabel = (date: string, interval: 'week' | 'day'): string => (interval === 'week' ? `Week ending ${formatDate(date)}` : formatDate(date));

/** "week ending 13 October 2022" (or the day): the interval inside a sentence. */
export const intervalPhrase = (date: string, interval: 'week' | 'day'): string => (interval === 'week' ? `week ending ${formatDate(date)}` : formatDate(date));

/** "week", "day": the interval in running text. */
export const intervalNoun = (interval: 'week' | 'day'): string => (interval === 'week' ? 'week' : 'day');

export { formatDate };
