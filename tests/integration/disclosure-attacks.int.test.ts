import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  curveCells, inequalityCells, observeCells, progressCells, trendCells, truthCells, valuesCells,
  type Cells, type CurveBody, type IndicatorInfo, type InequalityBody, type ProgressBody, type RatioCell, type TrendBody, type ValuesBody,
} from '../support/attacks/answer-cells.ts';
import { slidingModel } from '../support/attacks/campaign-sliding.ts';
import { extractCells, extractRelations } from '../support/attacks/extract-arithmetic.ts';
import { propagate, type SumRelation } from '../support/attacks/interval-propagation.ts';
import { judge, Ledger, printReport, type AttackReport } from '../support/attacks/ledger.ts';
import { breakdownRelations, parentChildRelations, periodRelations, relationKeys } from '../support/attacks/linked-relations.ts';
import { inBatches, publicAnswer, tokenAnswer } from '../support/attacks/outsider.ts';
import { parquetRows } from '../support/attacks/parquet-rows.ts';
import { pinRatios, type Pins } from '../support/attacks/pin-ratios.ts';
import { singlePracticeRelations } from '../support/attacks/single-practice.ts';
import { openTestRelease } from '../support/test-release.ts';

/**
 * The disclosure attacks of an outside tester with no token (issue 14), run against the synthetic
 * release. The attacker reads only public answers, as README "API" and /api/v1/openapi.json
 * document them, and combines them as a real attacker would (support/attacks/recovery.ts says what
 * counts as recovered). A region token's answers to the same requests are the ground truth each
 * finding is checked against; they are never an input to an attack. Each attack must recover
 * nothing, and must have attempted something.
 */
let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let region: Record<string, string>;
const ledger = new Ledger();
/** Published ratios by the kind of answer they came from, for precision pinning. */
const ratios = { values: [] as RatioCell[], trend: [] as RatioCell[], campaign: [] as RatioCell[], cohort: [] as RatioCell[] };
/** Coarser periods and the periods `values` says they sum. */
const included = new Map<string, readonly string[]>();
/** Each parent area's children, from the public area lists. */
const children = new Map<string, string[]>();
/** Breakdown groups of each dimension, as the public inequality answers list them. */
const groups = new Map<string, string[]>();
const campaignAnswers: ProgressBody[] = [];
/** Practices of each borough (see the single-practice attack). */
const practicesOf = new Map<string, string[]>();
let pins: Pins;
let indicators: IndicatorInfo[];
let boroughs: { code: string; parentCode: string }[];
let targetIcb: string;
let trendAreas: string[];

interface Area { code: string; parentCode: string | null }

const evenly = <T,>(items: readonly T[], n: number) => (items.length <= n ? [...items] : Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!));

/** Asks the public, records what it published; asks the region token the same, records the truth. */
async function attack<T>(path: string, read: (body: T) => Cells, kind?: keyof typeof ratios): Promise<T | null> {
  const [seen, truth] = await Promise.all([publicAnswer<T>(app, path), tokenAnswer<T>(app, path, region)]);
  if (truth) truthCells(ledger, read(truth));
  if (!seen) return null;
  const cells = read(seen);
  observeCells(ledger, cells);
  if (kind) ratios[kind].push(...cells.ratios);
  return seen;
}

beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
  region = await release.auth('region');
  const get = async <T,>(path: string) => {
    const body = await publicAnswer<T>(app, path);
    if (!body) throw new Error(`the public could not read ${path}`);
    return body;
  };
  indicators = (await get<{ indicators: IndicatorInfo[] }>('/api/v1/indicators')).indicators;
  const [regions, icbs, allBoroughs] = await Promise.all(['region', 'icb', 'borough'].map(async (type) => (await get<{ areas: Area[] }>(`/api/v1/areas?type=${type}`)).areas));
  for (const area of [...icbs!, ...allBoroughs!]) if (area.parentCode) children.set(area.parentCode, [...(children.get(area.parentCode) ?? []), area.code]);
  boroughs = allBoroughs!.map((b) => ({ code: b.code, parentCode: b.parentCode! }));
  // The ICB of the first borough listed (City of London, the smallest), its boroughs, every ICB and London.
  targetIcb = boroughs[0]!.parentCode;
  const icbBoroughs = children.get(targetIcb)!;
  trendAreas = [...regions!.map((r) => r.code), ...icbs!.map((i) => i.code), ...icbBoroughs];

  const byId = new Map(indicators.map((i) => [i.id, i]));
  const valuesRead = (body: ValuesBody) => {
    if (body.periodsIncluded.length > 1) included.set(body.rows[0]?.period ?? '', body.periodsIncluded);
    return valuesCells(byId.get(body.indicatorId)!, body);
  };
  // Values: every indicator, at London, ICB and borough level, latest period.
  await inBatches(indicators.flatMap((i) => ['region', 'icb', 'borough'].map((t) => `/api/v1/indicators/${i.id}/values?areaType=${t}`)), 6, (path) => attack(path, valuesRead, 'values'));

  // Trends: a few quarterly proportions, spread over the catalogue, for London, every ICB and the target ICB's boroughs.
  const trendIndicators = evenly(indicators.filter((i) => i.method === 'wilson-proportion' && i.frequency === 'quarterly'), 3);
  const trendPaths = trendIndicators.flatMap((i) => trendAreas.map((a) => ({ i, path: `/api/v1/indicators/${i.id}/trend?area=${a}` })));
  await inBatches(trendPaths, 6, ({ i, path }) => attack<TrendBody>(path, (b) => trendCells(i, 'total', b), 'trend'));

  // Financial years of those indicators, beside their quarters: the two latest complete years.
  const yearPaths: string[] = [];
  for (const i of trendIndicators) {
    const periods = (await get<{ periods: { label: string }[] }>(`/api/v1/periods?indicator=${i.id}`)).periods.map((p) => p.label);
    const quarters = new Map<string, number>();
    for (const p of periods) if (/ Q\d$/.test(p)) quarters.set(p.slice(0, 7), (quarters.get(p.slice(0, 7)) ?? 0) + 1);
    const years = [...quarters].filter(([, n]) => n === 4).map(([y]) => y).slice(0, 2);
    for (const y of years) yearPaths.push(...['areaType=region', 'areaType=icb', `areaType=borough&parent=${targetIcb}`].map((q) => `/api/v1/indicators/${i.id}/values?${q}&period=${encodeURIComponent(y)}`));
  }
  await inBatches(yearPaths, 6, (path) => attack(path, valuesRead, 'values'));

  // Breakdowns: groups as the inequality answers list them, then each group's trend for a few areas.
  const breakdownIndicators = trendIndicators.filter((i) => i.breakdowns.length > 0).slice(0, 1);
  const dims = (i: IndicatorInfo) => i.breakdowns.filter((d) => ['deprivation', 'ethnicity', 'sex'].includes(d));
  const inequalityPaths = breakdownIndicators.flatMap((i) => [targetIcb, ...icbBoroughs].flatMap((a) => dims(i).map((d) => ({ i, path: `/api/v1/indicators/${i.id}/inequality?area=${a}&by=${d}` }))));
  await inBatches(inequalityPaths, 6, async ({ i, path }) => {
    const body = await attack<InequalityBody>(path, (b) => inequalityCells(i, b), 'values');
    const dimension = path.split('by=')[1]!;
    // An area's answer may leave out a group it has no one in: the dimension's groups are all areas' together.
    if (body) groups.set(dimension, [...new Set([...(groups.get(dimension) ?? []), ...body.groups.map((g) => g.group)])].sort());
  });
  const breakdownAreas = [targetIcb, ...evenly(icbBoroughs, 2)];
  const groupTrends = breakdownIndicators.flatMap((i) => breakdownAreas.flatMap((a) => dims(i).flatMap((d) => (groups.get(d) ?? []).map((g) => ({ i, g, path: `/api/v1/indicators/${i.id}/trend?area=${a}&breakdown=${encodeURIComponent(g)}` })))));
  await inBatches(groupTrends, 6, ({ i, g, path }) => attack<TrendBody>(path, (b) => trendCells(i, g, b), 'trend'));

  // Cohort curves of two COVER measures for the target ICB's boroughs.
  const cohortIndicators = evenly(indicators.filter((i) => 'coverMeasure' in i && (i as { coverMeasure?: unknown }).coverMeasure), 1);
  await inBatches(cohortIndicators.flatMap((i) => icbBoroughs.map((a) => `/api/v1/cohorts/${i.id}/curve?area=${a}`)), 6, (path) => attack<CurveBody>(path, curveCells, 'cohort'));

  // Campaign progress as published by default (weekly), with and without a breakdown.
  const campaigns = (await get<{ campaigns: { id: string }[] }>('/api/v1/campaigns')).campaigns.map((c) => c.id);
  const campaignPaths = campaigns.flatMap((c) => ['areaType=borough', 'areaType=borough&breakdown=ethnicity', 'areaType=icb'].map((q) => `/api/v1/campaigns/${c}/progress?${q}`));
  for (const body of await inBatches(campaignPaths, 3, (path) => attack<ProgressBody>(path, progressCells, 'campaign'))) if (body) campaignAnswers.push(body);

  // Single-practice boroughs. Which practices each borough has is public outside this API (NHS
  // organisation data); the region token's area lists stand in for it here.
  const practices = (await tokenAnswer<{ areas: Area[] }>(app, '/api/v1/areas?type=practice', region))!.areas;
  const pcns = new Map((await tokenAnswer<{ areas: Area[] }>(app, '/api/v1/areas?type=pcn', region))!.areas.map((p) => [p.code, p.parentCode]));
  for (const p of practices) {
    const borough = pcns.get(p.parentCode ?? '') ?? p.parentCode ?? '';
    practicesOf.set(borough, [...(practicesOf.get(borough) ?? []), p.code]);
  }
  const practiceIndicators = evenly(indicators.filter((i) => i.areaTypes.includes('practice')), 12);
  const single = [...practicesOf].filter(([, list]) => list.length === 1);
  await inBatches(single.flatMap(([borough, [practice]]) => practiceIndicators.map((i) => ({ i, borough, practice: practice! }))), 6, async ({ i, borough, practice }) => {
    await attack<TrendBody>(`/api/v1/indicators/${i.id}/trend?area=${borough}`, (b) => trendCells(i, 'total', b), 'trend');
    const truth = await tokenAnswer<TrendBody>(app, `/api/v1/indicators/${i.id}/trend?area=${practice}`, region);
    if (!truth) return;
    const cells = trendCells(i, 'total', truth);
    truthCells(ledger, cells);
    // The public may not see practice rows at all: to it, each is hidden.
    for (const c of cells.counts) ledger.observe(c.key, null);
  });
}, 240_000);
afterAll(() => release?.dispose());

/** Pins every published ratio, once: the knowledge each differencing attack starts from. */
const pinned = () => (pins ??= pinRatios(ledger, [...ratios.values, ...ratios.trend, ...ratios.campaign, ...ratios.cohort]));

/** Runs a differencing attack over `relations` from the pinned knowledge; credits it only with what pinning did not already give. */
function difference(name: string, relations: SumRelation[], targets: Iterable<string> = relationKeys(relations)): AttackReport {
  const start = pinned().windows;
  const { bounds, dropped } = propagate(start, relations);
  const report = judge(name, ledger, targets, bounds, start);
  printReport(report, `${relations.length} relations, ${dropped.length} contradicted by what was published and left out`);
  return report;
}

const expectNothingRecovered = (report: AttackReport) => {
  expect(report.attempted, `${report.attack}: attempted`).toBeGreaterThan(0);
  expect(report.recovered, `${report.attack}: recovered ${report.recovered} of ${report.attempted}, e.g. ${report.examples.join('; ')}`).toBe(0);
};

describe('disclosure attacks by an outsider on the public answers', () => {
  it('precision pinning: no published value, limit, uptake or coverage pins its counts inside the rounding windows', () => {
    const reports = (Object.keys(ratios) as (keyof typeof ratios)[]).map((kind) => {
      const { windows, targets, conflicts } = pinRatios(ledger, ratios[kind]);
      const report = judge(`precision pinning (${kind})`, ledger, targets, windows);
      printReport(report, `${ratios[kind].length} published ratios, ${conflicts} pins contradicted another answer`);
      return report;
    });
    for (const report of reports) expectNothingRecovered(report);
  });

  it('parent minus children: no ICB or London total minus its published children recovers one', () => {
    expectNothingRecovered(difference('parent minus children', parentChildRelations(ledger.exposure.keys(), children)));
  });

  it('year minus quarters: no financial year minus its published quarters recovers a quarter', () => {
    expectNothingRecovered(difference('year minus quarters', periodRelations(ledger.exposure.keys(), included)));
  });

  it('breakdown minus total: no area total minus its published groups recovers a group', () => {
    expectNothingRecovered(difference('breakdown minus total', breakdownRelations(ledger.exposure.keys(), groups)));
  });

  it('all of the above at once recover nothing more', () => {
    const keys = [...ledger.exposure.keys()];
    const relations = [...parentChildRelations(keys, children), ...periodRelations(keys, included), ...breakdownRelations(keys, groups)];
    expectNothingRecovered(difference('parents, periods and breakdowns combined', relations));
  });

  it('campaign asOf sliding: moving asOf day by day recovers no daily count', async () => {
    const campaign = 'polio-ipv-2022';
    const base = `/api/v1/campaigns/${campaign}/progress?areaType=borough`;
    const latest = campaignAnswers.find((a) => a.campaign.id === campaign)?.asOf;
    expect(latest, 'the public sees the campaign').toBeTruthy();
    const days = Array.from({ length: 7 }, (_, k) => new Date(Date.parse(`${latest}T00:00:00Z`) - k * 86_400_000).toISOString().slice(0, 10));
    const paths = [
      ...days.flatMap((d) => [`${base}&asOf=${d}`, `${base}&breakdown=ethnicity&asOf=${d}`]),
      // The daily interval, while the public may still ask for it (a 4xx teaches nothing).
      `${base}&interval=day`, `${base}&interval=day&breakdown=ethnicity`,
    ];
    const slid = (await inBatches(paths, 4, (path) => publicAnswer<ProgressBody>(app, path))).filter((b): b is ProgressBody => b !== null);
    // The target ICB's boroughs: a sample that keeps the propagation to a few seconds.
    const sampled = new Set(children.get(targetIcb));
    const answers = [...campaignAnswers.filter((a) => a.campaign.id === campaign), ...slid]
      .filter((a) => a.rows.every((r) => r.areaType !== 'icb'))
      .map((a) => ({ ...a, rows: a.rows.filter((r) => sampled.has(r.areaCode)) }));
    const known = new Ledger();
    const published = answers.map(progressCells);
    for (const cells of published) observeCells(known, cells);
    // Truth: each day's doses and cumulative, as a region token sees them.
    for (const path of [`${base}&interval=day`, `${base}&interval=day&breakdown=ethnicity`]) {
      const truth = await tokenAnswer<ProgressBody>(app, path, region);
      if (truth) truthCells(known, progressCells(truth));
    }
    const { relations, dailyTargets } = slidingModel(known, answers);
    const start = pinRatios(known, published.flatMap((c) => c.ratios)).windows;
    const { bounds, dropped } = propagate(start, relations);
    const reports: AttackReport[] = [];
    for (const [label, filter] of [['without breakdown', (k: string) => k.includes('|total|')], ['by ethnic group', (k: string) => !k.includes('|total|')]] as const) {
      const report = judge(`campaign asOf sliding, daily counts ${label}`, known, dailyTargets.filter(filter), bounds);
      printReport(report, `${slid.length} of ${paths.length} slid answers public, ${relations.length} relations, ${dropped.length} contradicted and left out`);
      reports.push(report);
    }
    expectNothingRecovered(reports[0]!);
    // By ethnic group below London is for tokens only: with no answer there is nothing to slide.
    const byGroup = slid.filter((a) => a.rows.some((r) => r.group !== null && r.group !== undefined && r.areaType !== 'region'));
    if (byGroup.length === 0) expect(reports[1]!.recovered).toBe(0);
    else expectNothingRecovered(reports[1]!);
  });

  it('extract arithmetic: no public Parquet extract cell is pinned by its totals and the other cells', async () => {
    const openapi = (await publicAnswer<{ paths: Record<string, { get?: { description?: string } }> }>(app, '/api/v1/openapi.json'))!;
    const described = Object.entries(openapi.paths).find(([p]) => p.startsWith('/api/v1/extracts/'))?.[1].get?.description ?? '';
    const files = [...new Set(described.match(/[a-z][a-z-]+\.parquet/g) ?? [])];
    expect(files.length, 'extracts listed in the API document').toBeGreaterThan(1);
    const extracts = new Ledger();
    const relations: SumRelation[] = [];
    // Two of the target ICB's boroughs (`borough=` keeps exactly their rows): a sample that reads in seconds.
    const sampled = evenly(children.get(targetIcb)!, 2);
    let read = 0;
    for (const file of files) {
      for (const borough of sampled) {
        const bytes = await publicAnswer<Buffer>(app, `/api/v1/extracts/${file}?borough=${borough}`);
        if (!bytes) continue;
        read += 1;
        const cells = extractCells(await parquetRows(bytes));
        for (const c of cells) extracts.observe(c.key, c.count);
        for (const r of extractRelations(extracts, cells)) relations.push(r);
      }
    }
    // Truth: the borough cubes and the practice population a region token gets, summed to the public's cells.
    for (const file of files.filter((f) => f.startsWith('immunisation-borough-') || f === 'immunisation-population.parquet')) {
      for (const borough of sampled) {
        const bytes = await tokenAnswer<Buffer>(app, `/api/v1/extracts/${file}?borough=${borough}`, region);
        if (bytes) for (const c of extractCells(await parquetRows(bytes))) extracts.setTruth(c.key, c.count);
      }
    }
    const { bounds, dropped } = propagate(extracts.windows, relations);
    // Every cell the token sees is a target, so extracts the public cannot download still count as attempted.
    const report = judge('extract arithmetic', extracts, [...relationKeys(relations), ...extracts.truth.keys()], bounds);
    printReport(report, `${read} of ${files.length * sampled.length} extracts of boroughs ${sampled.join(', ')} public, ${relations.length} relations, ${dropped.length} contradicted and left out`);
    expectNothingRecovered(report);
  });

  it('single-practice areas: no public borough figure is one practice’s figure', () => {
    const single = new Map([...practicesOf].filter(([, list]) => list.length === 1));
    expect(single.size, 'the synthetic release has a single-practice borough').toBeGreaterThan(0);
    const relations = singlePracticeRelations(ledger.exposure.keys(), single);
    const { bounds } = propagate(pinned().windows, relations);
    // Every practice count the token sees is a target, so an area the public cannot ask for at all still counts as attempted.
    const onlyPractices = new Set([...single.values()].map(([p]) => p!));
    const targets = [...ledger.truth.keys()].filter((k) => onlyPractices.has(k.split('|')[2]!));
    const report = judge('single-practice areas', ledger, targets, bounds);
    printReport(report, `single-practice boroughs ${[...single.keys()].join(', ')}`);
    expectNothingRecovered(report);
});
});
