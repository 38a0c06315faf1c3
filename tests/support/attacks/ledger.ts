import { bestExposure, exposureOf, intersect, isDisclosure, publishedWindow, showInterval, UNKNOWN, type Exposure, type Interval } from './recovery.ts';

/** What the public answers said about each count (by cell key), and what the region token says it is. */
export class Ledger {
  readonly windows = new Map<string, Interval>();
  readonly exposure = new Map<string, Exposure>();
  readonly truth = new Map<string, number>();

  /** A count as one public answer published it; `published: false` is a row the answer left without data. */
  observe(key: string, count: number | null, published = true): void {
    const window = published ? publishedWindow(count) : UNKNOWN;
    const exposure = published ? exposureOf(count) : 'unpublished';
    this.windows.set(key, intersect(this.windows.get(key) ?? UNKNOWN, window));
    this.exposure.set(key, bestExposure(this.exposure.get(key) ?? 'unpublished', exposure));
  }

  /** A count the public could not ask for at all (a daily count when only weeks are public). */
  unpublished(key: string): void {
    if (!this.exposure.has(key)) this.exposure.set(key, 'unpublished');
  }

  /** The exact count, from the same answer asked with a region token. */
  setTruth(key: string, count: number | null): void {
    if (count !== null) this.truth.set(key, count);
  }
}

export interface AttackReport {
  readonly attack: string;
  /** Counts the attack went after: the public did not see them exactly and the truth is known. */
  readonly attempted: number;
  /** Of those, disclosed (recovery.ts), the truth inside the attacker's window. */
  readonly recovered: number;
  /** Recovered counts whose truth is 1–7. */
  readonly smallRecovered: number;
  /** Counts hidden from the public that were recovered. */
  readonly hiddenRecovered: number;
  /** Windows the attacker believed that miss the truth (its model did not hold), not disclosures. */
  readonly wrong: number;
  readonly examples: readonly string[];
}

/**
 * Judges an attack's final knowledge against the truth, over `targets`. A count already disclosed by
 * `before` (another attack's knowledge the attacker started from) is not credited to this one.
 */
export function judge(attack: string, ledger: Ledger, targets: Iterable<string>, after: ReadonlyMap<string, Interval>, before?: ReadonlyMap<string, Interval>): AttackReport {
  let attempted = 0;
  let recovered = 0;
  let smallRecovered = 0;
  let hiddenRecovered = 0;
  let wrong = 0;
  const examples: string[] = [];
  for (const key of new Set(targets)) {
    const exposure = ledger.exposure.get(key) ?? 'unpublished';
    const truth = ledger.truth.get(key);
    if (exposure === 'exact' || truth === undefined) continue;
    attempted += 1;
    const window = after.get(key) ?? ledger.windows.get(key) ?? UNKNOWN;
    if (!isDisclosure(exposure, window)) continue;
    const earlier = before?.get(key);
    if (earlier && isDisclosure(exposure, earlier)) continue;
    if (truth < window.lo || truth > window.hi) {
      wrong += 1;
      continue;
    }
    recovered += 1;
    if (truth >= 1 && truth <= 7) smallRecovered += 1;
    if (exposure !== 'rounded') hiddenRecovered += 1;
    if (examples.length < 6 && (examples.length < 3 || exposure !== 'rounded')) examples.push(`${key}: ${exposure} → ${showInterval(window)} (truth ${truth})`);
  }
  return { attack, attempted, recovered, smallRecovered, hiddenRecovered, wrong, examples };
}

/** Prints a report in the form the closing note quotes. */
export function printReport(report: AttackReport, extra = ''): void {
  const { attack, attempted, recovered, smallRecovered, hiddenRecovered, wrong, examples } = report;
  console.log(
    `[disclosure attack] ${attack}: recovered ${recovered} of ${attempted} attempted (${hiddenRecovered} hidden, ${smallRecovered} of 1–7); ${wrong} wrong inferences${extra ? `; ${extra}` : ''}` +
      examples.map((e) => `\n    e.g. ${e}`).join(''),
  );
}
