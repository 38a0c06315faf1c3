import { parsePeriod } from '@pathfinder/metrics';

/** A date a user may mark as an intervention, with the period of the series it falls in. */
export interface InterventionPreset {
  /** Where the date comes from: a campaign's name, or "Notes". */
  readonly group: string;
  readonly date: string;
  readonly label: string;
  /** The period containing the date: the first post-intervention period. */
  readonly period: string;
}

/** The first period of a series (in order) whose span holds an ISO date; null when none does. */
export function periodContaining(periods: readonly string[], date: string): string | null {
  for (const label of periods) {
    const { start, end } = parsePeriod(label);
    if (start <= date && date <= end) return label;
  }
  return null;
}

/**
 * The presets for marking an intervention on a trend: every campaign's key dates, then the notes on
 * the area × indicator, each mapped to the period holding it; dates outside the series are left out.
 */
export function interventionPresets(periods: readonly string[], campaigns: readonly { name: string; keyDates: readonly { date: string; label: string }[] }[], notes: readonly { date: string; text: string }[]): InterventionPreset[] {
  const dated = [
    ...campaigns.flatMap((c) => c.keyDates.map((k) => ({ group: c.name, date: k.date, label: k.label }))),
    ...notes.map((n) => ({ group: 'Notes', date: n.date, label: n.text })),
  ];
  return dated.flatMap((d) => {
    const period = periodContaining(periods, d.date);
    return period ? [{ ...d, period }] : [];
  });
}
