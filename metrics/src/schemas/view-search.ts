import { z } from 'zod';
import { SEVERITIES } from '../attention/attention-rules.ts';
import { AREA_TYPES, ICBS, BOROUGHS, LONDON } from '../geography/london-geography.ts';
import { DOMAINS } from '../catalogue/indicator-spec.ts';
import { ROUTINE_DOSES } from '../immunisation/vaccine-schedule.ts';
import { EXPLORE_DEFAULT_DOSE } from '../sql/explore-selection.ts';
import { RELEASE_ID_PATTERN } from './release-manifest.ts';
import { PROFILE_COMPARATORS } from './api-schemas.ts';

// The dashboard's URL search parameters, one schema per view. Links are shared, so a value the
// schema does not understand falls back to its default (`.catch`) instead of failing the page, and
// `.default` makes the parameter optional for links, which leave defaults out.

const icbCode = z.enum(ICBS.map((i) => i.code) as [string, ...string[]]);
const period = z.string().max(40).default('latest').catch('latest');
const areaType = z.enum(['borough', 'icb']).default('borough').catch('borough');
const indicatorId = z.string().max(100).default('imm-mmr1-24m').catch('imm-mmr1-24m');

const MAP_KINDS = ['boundaries', 'tiles'] as const;
export type MapKind = (typeof MAP_KINDS)[number];

/** `map=tiles` in any view with a map; official boundaries when absent (or not understood). */
const mapKind = { map: z.enum(MAP_KINDS).default('boundaries').catch('boundaries') };

/**
 * Every page (the root route): `release`, the data source the whole dashboard shows, an id from
 * GET /releases; absent, the release the server calls current. Kept across navigation, so a shared
 * link shows the same figures.
 */
export const rootSearch = z.object({
  release: z.string().max(100).regex(RELEASE_ID_PATTERN).optional().catch(undefined),
});

/**
 * The ICB the user chose (`icb`): one name on every view that lists areas, kept on every link (the
 * root route carries it), so the choice follows the user through drill-downs and Back. Absent: London.
 */
const chosenIcb = icbCode.optional().catch(undefined);

/**
 * Overview (`/`): the domain, boroughs or ICBs (optionally one ICB's boroughs, `icb`), and the comparator.
 * `parent` is the ICB's name in links written before it became `icb`: read, then rewritten as `icb`.
 */
export const overviewSearch = z.object({
  domain: z.enum(DOMAINS).default('immunisation').catch('immunisation'),
  areaType,
  icb: chosenIcb,
  parent: icbCode.optional().catch(undefined),
  comparator: z.enum(['london', 'england']).default('london').catch('london'),
});

/** Indicator (`/indicators/{id}`): period, area level (and one ICB's boroughs), selected area, comparator, map colouring, chart sort, highlighted signal, marked intervention, map kind. */
export const indicatorSearch = z.object({
  period,
  areaType,
  icb: chosenIcb,
  area: z.string().max(20).optional().catch(undefined),
  comparator: z.enum(['london', 'england', 'parent']).default('london').catch('london'),
  colour: z.enum(['value', 'comparison']).default('comparison').catch('comparison'),
  sort: z.enum(['value', 'name', 'icb']).default('value').catch('value'),
  /** An attention rule id (from an attention item's link): the signal to highlight on the area's trend. */
  signal: z.string().max(60).regex(/^[a-z0-9-]+$/).optional().catch(undefined),
  /** The first period after a marked intervention (a period label): the trend then shows the interrupted time series. */
  its: z.string().max(40).optional().catch(undefined),
  ...mapKind,
});

/**
 * Area profile (`/areas/{code}`): the comparator. Absent, the area's own default (London for an ICB
 * or borough, as on the Overview; England for London), so a link without it follows the area.
 */
export const areaProfileSearch = z.object({
  comparator: z.enum(PROFILE_COMPARATORS).optional().catch(undefined),
  // Not used by the profile itself: kept so its links (an indicator's map and trend) follow the chosen ICB.
  icb: chosenIcb,
});

/** What the Practices funnel is centred on: London's value, the ICB's practices' average, or the indicator's target. */
export const PRACTICE_FUNNEL_CENTRES = ['london', 'icb', 'target'] as const;
export type PracticeFunnelCentre = (typeof PRACTICE_FUNNEL_CENTRES)[number];

/**
 * Practices (`/practices`): the ICB, a practice-level indicator and its period, the funnel's centre,
 * and the practice whose trend is shown. Without an ICB, the caller's own (an ICS token's) or North
 * East London; not a default the links leave out, so the ICB the user chose stays in the URL for the
 * views after this one.
 */
export const practiceSearch = z.object({
  icb: chosenIcb,
  indicator: indicatorId,
  period,
  centre: z.enum(PRACTICE_FUNNEL_CENTRES).default('london').catch('london'),
  /** A practice code: its trend shows below the funnel (a code not in the ICB shows nothing). */
  practice: z.string().max(20).regex(/^[A-Z0-9]+$/).optional().catch(undefined),
});

/** Inequalities (`/inequalities`): indicator, area (London, an ICB or a borough; absent, the chosen ICB or London), breakdown and period. */
export const inequalitiesSearch = z.object({
  indicator: indicatorId,
  icb: chosenIcb,
  area: z.string().max(20).optional().catch(undefined),
  by: z.enum(['deprivation', 'ethnicity', 'sex']).default('deprivation').catch('deprivation'),
  period,
});

/** Campaign (`/campaigns/{id}`): area level, interval, the interval shown, map measure, focus area (absent: the chosen ICB, or London), outreach list level and ICB, map kind. */
export const campaignSearch = z.object({
  areaType,
  interval: z.enum(['week', 'day']).default('week').catch('week'),
  asOf: z.iso.date().optional().catch(undefined).describe('the interval shown (its last day); default the latest'),
  measure: z.enum(['uptake', 'unvaccinated']).default('uptake').catch('uptake'),
  area: z.string().max(20).optional().catch(undefined),
  list: z.enum(['practice', 'pcn']).default('practice').catch('practice'),
  /** The outreach list's area: an ICB, or London (every area the caller sees). */
  icb: z.union([icbCode, z.literal(LONDON.code)]).optional().catch(undefined),
  ...mapKind,
});

/**
 * Campaign sitrep (`/campaigns/{id}/sitrep`), the print page of the situation report: the date it
 * is for (default the latest) and the ICB it is narrowed to (default London).
 */
export const sitrepSearch = z.object({
  asOf: z.iso.date().optional().catch(undefined),
  icb: icbCode.optional().catch(undefined),
  ...mapKind,
});

/**
 * Attention (`/attention`): filters of the ranked list (domain, area level, severity, only what is new
 * since the last release) and the practice-outliers panel's ICB and indicator (scoped callers only).
 * Absent filters mean every value the caller may see.
 */
export const attentionSearch = z.object({
  domain: z.enum(DOMAINS).optional().catch(undefined),
  areaType: z.enum(AREA_TYPES).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  new: z.enum(['true', 'false']).default('false').catch('false').describe('true: only items new since the previous release (GET /alerts, change new)'),
  icb: icbCode.optional().catch(undefined),
  indicator: indicatorId,
});

/** Signals summary (`/attention/signals`): the area level and the one area whose every indicator's variation and assurance the table shows; the chosen ICB narrows the areas offered. */
export const signalsSearch = z.object({
  icb: chosenIcb,
  level: z.enum(AREA_TYPES).optional().catch(undefined),
  area: z.string().max(20).regex(/^[A-Z0-9]+$/).optional().catch(undefined),
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A comma-separated list in the URL, keeping only known values (in a stable order). */
const list = (known: readonly string[]) =>
  z.string().max(400).transform((s) => known.filter((k) => s.split(',').includes(k)).join(',')).optional().catch(undefined);

/** Explore's whole state: period brush (months), areas, quintiles, dose, the analyst's SQL and whether practice detail is shown. */
export const exploreSearch = z.object({
  from: month.optional().catch(undefined),
  to: month.optional().catch(undefined),
  icb: list(ICBS.map((i) => i.code)),
  borough: list(BOROUGHS.map((b) => b.code)),
  q: list(['1', '2', '3', '4', '5']), // deprivation quintiles, 1 most deprived
  dose: z.enum(ROUTINE_DOSES.map((d) => d.key) as [string, ...string[]]).default(EXPLORE_DEFAULT_DOSE).catch(EXPLORE_DEFAULT_DOSE),
  sql: z.string().max(4000).optional().catch(undefined),
  /** `practice`: the analyst asked for practice detail, which loads for the selected boroughs. */
  detail: z.enum(['practice']).optional().catch(undefined),
  ...mapKind,
});

export type RootSearch = z.infer<typeof rootSearch>;
export type OverviewSearch = z.infer<typeof overviewSearch>;
export type AreaProfileSearch = z.infer<typeof areaProfileSearch>;
export type IndicatorSearch = z.infer<typeof indicatorSearch>;
export type PracticeSearch = z.infer<typeof practiceSearch>;
export type InequalitiesSearch = z.infer<typeof inequalitiesSearch>;
export type CampaignSearch = z.infer<typeof campaignSearch>;
export type SitrepSearch = z.infer<typeof sitrepSearch>;
export type ExploreSearch = z.infer<typeof exploreSearch>;
export type AttentionSearch = z.infer<typeof attentionSearch>;
export type SignalsSearch = z.infer<typeof signalsSearch>;

/**
 * A view's defaults: what an empty query string means, without the parameters that have none.
 * Links leave these out, so a URL names only what differs from them.
 * @example searchDefaults(overviewSearch) // { domain: 'immunisation', areaType: 'borough', comparator: 'london' }
 */
export function searchDefaults<S extends z.ZodObject>(schema: S): Partial<z.infer<S>> {
  return Object.fromEntries(Object.entries(schema.parse({})).filter(([, v]) => v !== undefined)) as Partial<z.infer<S>>;
}
