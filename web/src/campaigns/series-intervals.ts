/**
 * Every `step`-th interval counting back from the last, so long daily series stay within a budget
 * of points across all lines; the last interval is always kept.
 * @param intervals number of intervals in each series
 * @param lines number of lines drawn
 * @param budget most points to draw in all
 * @example plottedIntervals(230, 34, 1500) // every 6th: [1, 7, 13, …, 229]
 */
export function plottedIntervals(intervals: number, lines: number, budget: number): number[] {
  const step = Math.max(1, Math.ceil((intervals * Math.max(1, lines)) / budget));
  const kept: number[] = [];
  for (let i = intervals - 1; i >= 0; i -= step) kept.push(i);
  return kept.reverse();
}

/**
 * The interval a date falls in: the first ending on or after it; the last when none does or no
 * date is given. Dates are ISO, in order.
 * @example intervalIndex(['2022-08-17', '2022-08-24'], '2022-08-20') // 1
 */
export function intervalIndex(dates: readonly string[], date: string | undefined): number {
  if (dates.length === 0) return 0;
  if (date === undefined) return dates.length - 1;
  const i = dates.findIndex((d) => d >= date);
  return i === -1 ? dates.length - 1 : i;
}
