import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionItem } from '@pathfinder/metrics';
import type { AggregateProfile } from '@pathfinder/fixtures';
import { attentionRecallOf, episodeKey, evaluateAttentionRecall } from '../support/attention-recall.ts';
import { openTestRelease } from '../support/test-release.ts';

const item = (indicatorId: string, areaCode: string, variation: AttentionItem['variation'], period = '2024/25 Q4') => ({ indicatorId, areaCode, areaType: 'borough', variation, period }) as AttentionItem;
const profile = (p: Partial<AggregateProfile>): AggregateProfile => ({ level: 0.5, denominatorPerPractice: 100, deprivationSlope: 0, englandOffset: 0, ...p });

describe('evaluateAttentionRecall', () => {
  // Two higher-better indicators and one lower-better (ast-saba-excess): the side of a concern follows the polarity.
  const profiles = {
    'htn-ttt-all': profile({ episodes: [{ boroughCode: 'B1', kind: 'shift', from: '2023/24 Q1', size: 0.3 }] }),
    'ast-saba-excess': profile({ episodes: [{ boroughCode: 'B2', kind: 'trend', from: '2023/24 Q1', size: 0.05 }, { boroughCode: 'B3', kind: 'outlier', from: '2023/24 Q2', size: -0.7 }] }),
    'can-screen-breast-53-70': profile({}),
    'can-treat-31d': profile({ seasonality: 0.1 }),
  };

  it('finds an episode only by special cause on the side it moved the values, an outlier at its own period', () => {
    const latest = [
      item('htn-ttt-all', 'B1', 'improvement'),
      item('ast-saba-excess', 'B2', 'improvement'), // lower-better: improvement is low, but the trend raised the values
      item('ast-saba-excess', 'B3', 'common-cause'),
      item('can-screen-breast-53-70', 'B1', 'concern'),
      item('can-screen-breast-53-70', 'B2', 'common-cause'),
      item('can-screen-breast-53-70', 'B3', null),
      item('can-treat-31d', 'B1', 'concern'),
    ];
    const at = new Map([[episodeKey('ast-saba-excess', { boroughCode: 'B3', from: '2023/24 Q2' }), item('ast-saba-excess', 'B3', 'improvement', '2023/24 Q2')]]);
    const result = evaluateAttentionRecall(latest, at, profiles);
    expect(result.episodes.map((e) => [e.boroughCode, e.kind, e.expected, e.found])).toEqual([
      ['B1', 'shift', 'high', true],
      ['B2', 'trend', 'high', false],
      ['B3', 'outlier', 'low', true],
    ]);
    expect(result.recall).toBeCloseTo(2 / 3, 12);
    // Only breast screening is pure noise (treat-31d is seasonal here): 1 signal in 3 series.
    expect(result.noiseSeries).toBe(3);
    expect(result.falseAlarms).toBe(1);
    expect(result.falseAlarmsPer100).toBeCloseTo(100 / 3, 12);
  });
});

describe('attention recall at seed 42 (the cached test release)', () => {
  let release: Awaited<ReturnType<typeof openTestRelease>>;
  beforeAll(async () => {
    release = await openTestRelease();
  });
  afterAll(() => release?.dispose());

  it('finds at least 90% of the injected episodes in the borough statuses', async () => {
    const result = await attentionRecallOf(release.store.current());
    console.info(`attention recall ${result.recall.toFixed(2)} (${result.episodes.filter((e) => e.found).length} of ${result.episodes.length}); false alarms ${result.falseAlarmsPer100.toFixed(1)} per 100 area-indicators (${result.falseAlarms} of ${result.noiseSeries})`);
    expect(result.episodes.length).toBe(5);
    expect(result.noiseSeries).toBeGreaterThan(0);
    expect(result.recall, JSON.stringify(result.episodes)).toBeGreaterThanOrEqual(0.9);
  });
});
