/** A dated note as a chart shows it. */
export interface DatedNote {
  readonly date: string;
  readonly text: string;
}

/**
 * The notes of each period of a series (periods in order, each from its `periodStart` to the next
 * one's): a note belongs to the last period starting on or before its date. Notes dated before the
 * first period are left out (the chart does not reach them); the last period takes the notes after it.
 */
export function notesByPeriod<N extends DatedNote>(points: readonly { period: string; periodStart: string }[], notes: readonly N[]): Map<string, N[]> {
  const out = new Map<string, N[]>();
  for (const note of notes) {
    let owner: string | null = null;
    for (const p of points) if (p.periodStart <= note.date) owner = p.period;
    if (owner === null) continue;
    const list = out.get(owner) ?? [];
    list.push(note);
    out.set(owner, list);
  }
  return out;
}
