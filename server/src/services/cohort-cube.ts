import { LONDON, birthYearRangeSql, cohortCubeSql, type BirthYearRangeRow, type CohortCubeFilter } from '@pathfinder/metrics';
import type { OpenRelease } from '../store/data-store.ts';
import { perReleaseMemo } from '../store/per-release-memo.ts';

/** What fixes a dose's cohort cube: the dose, nothing of the request. */
function cohortCube(dose: { readonly vaccine: string; readonly dose: number }): CohortCubeFilter {
  return { vaccine: dose.vaccine, dose: dose.dose, regionCode: LONDON.code };
}

/** The table of a dose's cohort cube in a release, made on first use (or by `prepareCohortCubes`). */
export function cohortCubeTable(release: OpenRelease, dose: { readonly vaccine: string; readonly dose: number }): Promise<string> {
  const cube = cohortCube(dose);
  return release.tables.table(`cohort-cube ${JSON.stringify(cube)}`, cohortCubeSql(cube));
}

const birthYearRange = perReleaseMemo(async (release: OpenRelease, _all: 'children') => {
  const [range] = await release.runner.all<BirthYearRangeRow>(birthYearRangeSql());
  return { first: range?.first ?? null, last: range?.last ?? null };
});

/** First and last year of birth of a release's children (every child, as the events hold them), read once per release. */
export const birthYears = (release: OpenRelease): Promise<BirthYearRangeRow> => birthYearRange(release, 'children');
