import { INDICATORS, type AttentionItem, type Indicator } from '@pathfinder/metrics';
import { AGGREGATE_PROFILES, type AggregateProfile, type Episode } from '@pathfinder/fixtures';
import { buildStatusTable, seriesStatusAt, type OpenRelease } from '@pathfinder/server';

/** Which way a special cause moved the values. */
type Side = 'high' | 'low';

/** One injected episode and whether the status found it. */
interface EpisodeCheck {
  readonly indicatorId: string;
  readonly boroughCode: string;
  readonly kind: Episode['kind'];
  readonly from: string;
  /** The period the status was read at: the latest for a shift or trend (they last), the episode's own for an outlier. */
  readonly period: string | null;
  readonly expected: Side;
  readonly variation: AttentionItem['variation'];
  readonly found: boolean;
}

export interface AttentionRecall {
  readonly episodes: readonly EpisodeCheck[];
  /** Episodes found ÷ episodes injected. */
  readonly recall: number;
  /** Borough × indicator series of pure-noise indicators (no episode, trend or seasonality) that the status read. */
  readonly noiseSeries: number;
  /** Of those, the ones with SPC special cause at their latest period: false alarms. */
  readonly falseAlarms: number;
  readonly falseAlarmsPer100: number;
}

/** The side of the values a status's SPC special cause is on; null for common cause or no chart. */
function specialCauseSide(item: Pick<AttentionItem, 'variation'>, indicator: Pick<Indicator, 'polarity'>): Side | null {
  switch (item.variation) {
    case 'neutral-high':
      return 'high';
    case 'neutral-low':
      return 'low';
    case 'improvement':
      return indicator.polarity === 'lower-better' ? 'low' : 'high';
    case 'concern':
      return indicator.polarity === 'lower-better' ? 'high' : 'low';
    default:
      return null;
  }
}

/** An indicator whose synthetic series are noise around a level: no episode, no trend, no seasonality. */
const pureNoise = (p: AggregateProfile) => (p.episodes ?? []).length === 0 && !p.trendPerYear && !p.seasonality;

/**
 * Recall of the synthetic generator's injected episodes and the false alarms on pure noise, from
 * borough statuses (pure: the statuses are given).
 * - An episode is found when its borough × indicator status shows SPC special cause on the side the
 *   episode moved the values (a positive logit size raises them): for a shift or trend at the
 *   latest period, for an outlier at its own period (`statusAt`).
 * - A false alarm is SPC special cause at the latest period of a borough series of a pure-noise indicator.
 * @param latest the borough statuses of the region table (latest periods)
 * @param statusAt the status of a borough × indicator at an earlier period (null: no data there)
 */
export function evaluateAttentionRecall(
  latest: readonly AttentionItem[],
  statusAt: ReadonlyMap<string, AttentionItem | null>,
  profiles: Readonly<Record<string, AggregateProfile>> = AGGREGATE_PROFILES,
): AttentionRecall {
  const indicatorOf = new Map(INDICATORS.map((i) => [i.id, i]));
  const latestOf = new Map(latest.filter((i) => i.areaType === 'borough').map((i) => [`${i.indicatorId}|${i.areaCode}`, i]));
  const episodes: EpisodeCheck[] = [];
  for (const [indicatorId, profile] of Object.entries(profiles)) {
    const indicator = indicatorOf.get(indicatorId);
    if (!indicator) continue;
    for (const e of profile.episodes ?? []) {
      const item = e.kind === 'outlier' ? statusAt.get(episodeKey(indicatorId, e)) ?? null : latestOf.get(`${indicatorId}|${e.boroughCode}`) ?? null;
      const expected: Side = e.size > 0 ? 'high' : 'low';
      episodes.push({
        indicatorId, boroughCode: e.boroughCode, kind: e.kind, from: e.from, period: item?.period ?? null, expected,
        variation: item?.variation ?? null, found: item !== null && specialCauseSide(item, indicator) === expected,
      });
    }
  }
  const noise = new Set(Object.entries(profiles).filter(([, p]) => pureNoise(p)).map(([id]) => id));
  const noiseItems = [...latestOf.values()].filter((i) => noise.has(i.indicatorId));
  const falseAlarms = noiseItems.filter((i) => specialCauseSide(i, indicatorOf.get(i.indicatorId)!) !== null).length;
  return {
    episodes,
    recall: episodes.length === 0 ? Number.NaN : episodes.filter((e) => e.found).length / episodes.length,
    noiseSeries: noiseItems.length,
    falseAlarms,
    falseAlarmsPer100: noiseItems.length === 0 ? Number.NaN : (100 * falseAlarms) / noiseItems.length,
  };
}

/** The key of an outlier episode's status in `statusAt`. */
export const episodeKey = (indicatorId: string, e: Pick<Episode, 'boroughCode' | 'from'>) => `${indicatorId}|${e.boroughCode}|${e.from}`;

/**
 * `evaluateAttentionRecall` over a release's region status table, computing each outlier's status at
 * its own period. For `pnpm bench` at scale 1: `await attentionRecallOf(store.current())`.
 */
export async function attentionRecallOf(release: OpenRelease): Promise<AttentionRecall & { readonly buildMs: number; readonly rows: number }> {
  const table = await buildStatusTable(release, { kind: 'region' });
  const statusAt = new Map<string, AttentionItem | null>();
  for (const [indicatorId, profile] of Object.entries(AGGREGATE_PROFILES)) {
    const indicator = INDICATORS.find((i) => i.id === indicatorId);
    for (const e of profile.episodes ?? []) {
      const area = release.areas.get(e.boroughCode);
      if (e.kind !== 'outlier' || !indicator || !area) continue;
      statusAt.set(episodeKey(indicatorId, e), (await seriesStatusAt(release, { kind: 'region' }, indicator, area, e.from))?.item ?? null);
    }
  }
  return { ...evaluateAttentionRecall(table.rows.map((r) => r.item), statusAt), buildMs: table.buildMs, rows: table.rows.length };
}
