import {
  COVER_MEASURES, EVENT_AREA_LEVELS, INDICATORS, LONDON, cohortCurveSql, type cohortCurveQuerySchema, completeCohorts, scheduledDose,
  type CohortCurve, type CohortCurveRow, type EventAreaLevel, type Indicator,
} from '@pathfinder/metrics';
import { seesUnrounded } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { birthYears, cohortCubeTable } from './cohort-cube.ts';
import { visibleArea } from './area-access.ts';
import { requireEventData } from './event-data.ts';
import { COHORT_MAX_AGE_MONTHS, cohortDose, publicCohortTable, publicCurveKey } from './public-cohort-table.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied } from './value-rows.ts';

const DEFAULT_COHORTS = 3;

type CohortOut = CohortCurve['cohorts'][number];

/** Coverage in % from published counts, to one decimal: more digits would only repeat the rounding of the counts. */
const publishedCoverage = (vaccinated: number | null, children: number | null) =>
  vaccinated === null || children === null || children === 0 ? null : Math.round((1000 * vaccinated) / children) / 10;

/**
 * Cumulative coverage by age in months of birth cohorts in an area, for a COVER indicator's dose
 * (the COVER rule: given before the child reaches the age). Callers who see the area unrounded get
 * exact counts, summed from the dose's cohort cube (`cohortCubeTable`, one scan of the event data per
 * release). Everyone else reads the dose's public table (`publicCohortTable`),
 * disclosure-controlled once per release; coverage is computed from its published counts.
 */
export async function cohortCurve(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof cohortCurveQuerySchema>): Promise<ServiceAnswer<CohortCurve>> {
  const measure = COVER_MEASURES.find((m) => m.measure === indicator.coverMeasure);
  if (!measure) {
    const available = INDICATORS.filter((i) => i.coverMeasure).map((i) => i.id).join(', ');
    throw new ApiError(404, 'cohort_curve_not_found', `indicator ${indicator.id} has no COVER measure, so no cohort curve (indicators with one: ${available})`);
  }
  requireEventData(ctx, 'A cohort curve');
  const area = visibleArea(ctx, req.area);
  if (!(EVENT_AREA_LEVELS as readonly string[]).includes(area.type)) throw new ApiError(400, 'area_type_not_available', `cohort curves cover London's children only: choose a region, ICB, borough, PCN or practice (got ${area.type} ${area.code})`);
  const exact = seesUnrounded(ctx.caller, area);
  ctx.returned?.(area.type);

  const asAt = ctx.release.manifest.dataAsAt;
  const { first, last } = await birthYears(ctx.release);
  if (first === null || last === null) throw new ApiError(404, 'no_event_data', `release ${ctx.release.manifest.id} has no children in its event data`);
  const cohorts = [...new Set(req.cohort ? req.cohort.split(',').map(Number) : completeCohorts(asAt, measure.ageMonths, DEFAULT_COHORTS).filter((y) => y >= first && y <= last))].sort((a, b) => a - b);
  const outside = cohorts.find((y) => y < first || y > last);
  if (outside !== undefined) throw new ApiError(400, 'invalid_parameter', `invalid parameter cohort: no children born in ${outside} in release ${ctx.release.manifest.id} (years of birth ${first}–${last})`);

  const dose = scheduledDose(measure.doseKey);
  let curves: CohortOut[];
  let note: string | null = null;
  if (exact) {
    const rows = cohorts.length === 0 ? [] : await ctx.release.runner.all<CohortCurveRow>(cohortCurveSql({
      vaccine: dose.vaccine, dose: dose.dose, areaLevel: area.type as EventAreaLevel, areaCode: area.code, regionCode: LONDON.code, cohorts, asAt, maxAgeMonths: COHORT_MAX_AGE_MONTHS,
    }, await cohortCubeTable(ctx.release, dose)));
    curves = cohorts.map((cohort) => {
      const own = rows.filter((r) => r.cohort === cohort);
      return {
        cohort,
        children: own[0]?.children ?? 0,
        maxAgeMonths: own.at(-1)?.age_months ?? null,
        points: own.map((r) => ({ ageMonths: r.age_months, vaccinated: r.vaccinated, children: r.children, coverage: r.children === 0 ? null : (100 * r.vaccinated) / r.children, suppressed: false })),
      };
    });
  } else {
    const table = await publicCohortTable(ctx.release, cohortDose(measure.doseKey));
    curves = cohorts.map((cohort) => {
      const curve = table.get(publicCurveKey(area.code, cohort));
      note ??= curve?.note ?? null;
      const children = curve?.children ?? 0;
      const points = (curve?.vaccinated ?? []).map((vaccinated, ageMonths) => {
        const coverage = publishedCoverage(vaccinated, children);
        return { ageMonths, vaccinated, children, coverage, suppressed: coverage === null && children !== 0 };
      });
      return { cohort, children, maxAgeMonths: points.length === 0 ? null : points.length - 1, points };
    });
  }
  return {
    indicatorId: indicator.id,
    coverMeasure: measure.measure,
    dose: { key: dose.key, vaccine: dose.vaccine, dose: dose.dose, label: dose.label },
    area: areaSummary(area),
    note,
    asAt,
    cohorts: curves,
    disclosure: disclosureApplied(ctx, [area.code]),
  };
}
