import {
  BOROUGHS, COVER_MEASURES, LONDON, scheduledDose, MERGED_AREA_NOTE, cohortCurveSql, discloseCumulativeSeries, isMergedForPublic, publicAreaOf,
  type CohortCurveRow, type CumulativeSeries,
} from '@pathfinder/metrics';
import { perReleaseMemo } from '../store/per-release-memo.ts';
import type { OpenRelease } from '../store/data-store.ts';
import { birthYears, cohortCubeTable } from './cohort-cube.ts';

/** One public curve: an area's cohort, after disclosure control. */
interface PublicCohortCurve {
  /** Published children in the cohort; null when hidden. */
  readonly children: number | null;
  /** Published running count of children vaccinated before each age in months, from 0; null when hidden. */
  readonly vaccinated: readonly (number | null)[];
  readonly note: string | null;
}

/** Every public curve of one dose in a release, by `${areaCode}|${cohort}`. */
export type PublicCohortTable = ReadonlyMap<string, PublicCohortCurve>;

export const publicCurveKey = (areaCode: string, cohort: number) => `${areaCode}|${cohort}`;

export interface CohortDose {
  readonly vaccine: string;
  readonly dose: number;
  readonly maxAgeMonths: number;
}

/** Last age on every cohort curve, in months. */
export const COHORT_MAX_AGE_MONTHS = 60;

/** The dose a COVER measure counts, as its public cohort table is keyed. */
export function cohortDose(doseKey: string): CohortDose {
  const { vaccine, dose } = scheduledDose(doseKey);
  return { vaccine, dose, maxAgeMonths: COHORT_MAX_AGE_MONTHS };
}

/**
 * Builds the cohort cube and the public cohort table of every dose a COVER measure counts, one
 * after another, beside serving (a curve asked for meanwhile waits for its dose's build): no curve request scans the event data, not even the
 * first after a release switch, and every public answer reads one disclosure-controlled table.
 */
export async function prepareCohortCubes(release: OpenRelease): Promise<void> {
  if (!release.hasEvents) return;
  await birthYears(release);
  for (const doseKey of new Set(COVER_MEASURES.map((m) => m.doseKey))) await publicCohortTable(release, cohortDose(doseKey));
}

/**
 * The public cohort curves of a dose: London, its ICBs and its boroughs (the City of London within
 * Hackney), every cohort of the release, read from the dose's cohort cube and disclosure-controlled
 * once per release (by `prepareCohortCubes`, or on first use) so
 * every public answer reads the same published cells. Ages in months are the fixed grid.
 */
export const publicCohortTable: (release: OpenRelease, dose: CohortDose) => Promise<PublicCohortTable> = perReleaseMemo(buildTable);

async function buildTable(release: OpenRelease, dose: CohortDose): Promise<PublicCohortTable> {
  const range = await birthYears(release);
  if (range.first === null || range.last === null) return new Map();
  const cohorts = Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first! + i);
  const rows = await release.runner.all<CohortCurveRow>(cohortCurveSql({
    vaccine: dose.vaccine, dose: dose.dose, areaLevel: 'borough', areaCode: null, regionCode: LONDON.code, cohorts, asAt: release.manifest.dataAsAt, maxAgeMonths: dose.maxAgeMonths,
  }, await cohortCubeTable(release, dose)));
  return publicCohortCurves(rows, cohorts);
}

/**
 * The public curves of some cohorts from the exact borough curves (`cohortCurveSql` at borough level,
 * every borough): summed to the public's boroughs (the City within Hackney), ICBs and London, then
 * disclosure-controlled together, cohort by cohort.
 */
export function publicCohortCurves(rows: readonly CohortCurveRow[], cohorts: readonly number[]): PublicCohortTable {
  const icbOf = new Map(BOROUGHS.map((b) => [b.code, b.parent]));
  const exact = new Map<string, { areaCode: string; cohort: number; children: number; vaccinated: number[]; merged: boolean }>();
  const add = (areaCode: string, r: CohortCurveRow, merged = false) => {
    const key = publicCurveKey(areaCode, r.cohort);
    const e = exact.get(key) ?? { areaCode, cohort: r.cohort, children: 0, vaccinated: [] as number[], merged: false };
    exact.set(key, e);
    if (r.age_months === 0) e.children += r.children;
    e.vaccinated[r.age_months] = (e.vaccinated[r.age_months] ?? 0) + r.vaccinated;
    e.merged ||= merged;
  };
  for (const r of rows) {
    add(publicAreaOf(r.area_code), r, isMergedForPublic(r.area_code));
    add(icbOf.get(r.area_code)!, r);
    add(LONDON.code, r);
  }
  const table = new Map<string, PublicCohortCurve>();
  for (const cohort of cohorts) {
    const series: CumulativeSeries[] = [...exact].filter(([, e]) => e.cohort === cohort).map(([key, e]) => {
      const icb = icbOf.get(e.areaCode);
      return { id: key, families: [icb ?? (e.areaCode === LONDON.code ? null : LONDON.code)], total: e.children, cumulative: e.vaccinated };
    });
    for (const p of discloseCumulativeSeries(series)) table.set(p.id, { children: p.total, vaccinated: p.cumulative, note: exact.get(p.id)!.merged ? MERGED_AREA_NOTE : null });
  }
  return table;
}
