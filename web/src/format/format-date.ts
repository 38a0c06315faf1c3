// Formatters made once, while the app loads: toLocaleDateString would build one (and load its
// locale data) on every call, the first of them in the task that shows the page. Dates are UTC
// calendar dates, so the viewer's time zone never shifts them a day.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** An ISO date ("2025-03-31") as "31 March 2025". */
export const formatDate = (iso: string): string => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

/** A time in milliseconds, or an ISO month ("2022-09"), as its month: "Sep 2022". */
export const formatMonth = (month: number | string): string => SHORT_MONTH.format(typeof month === 'number' ? new Date(month) : new Date(`${month}-01T00:00:00Z`));
