import { attentionLink, findIndicator, type AttentionItem, type AttentionSignal, type Severity } from '@pathfinder/metrics';
import { AreaDirectory } from '../../store/area-directory.ts';
import type { StatusRow, StatusScope, StatusTable } from './status-scope.ts';

const AREAS = new AreaDirectory([{ area_code: 'F84001', area_name: 'The Practice <&> "Hackney"', area_type: 'practice', parent_code: 'U00001', borough_code: 'E09000012', icb_code: 'E54000029', deprivation_quintile: 1 }]);

export const signal = (rule: string, severity: Severity, text = `signal ${rule}`): AttentionSignal => ({ rule, severity, text });

/** A status row built by hand (a StatusTable is plain data): an indicator of the catalogue at an area of the directory. */
export function makeStatusRow(overrides: Partial<AttentionItem> & Pick<AttentionItem, 'areaCode'>): StatusRow {
  const area = AREAS.get(overrides.areaCode);
  if (!area) throw new Error(`no test area ${overrides.areaCode}`);
  const indicator = findIndicator(overrides.indicatorId ?? 'imm-mmr1-24m');
  if (!indicator) throw new Error(`no indicator ${overrides.indicatorId}`);
  const signals = overrides.signals ?? [];
  const period = overrides.period ?? '2024/25 Q4';
  const item: AttentionItem = {
    areaName: area.name,
    areaType: area.type,
    indicatorId: indicator.id,
    kind: 'indicator',
    indicatorName: indicator.shortName,
    domain: indicator.domain,
    period,
    severity: signals[0]?.severity ?? 'ok',
    signals,
    summary: `${indicator.shortName} in ${area.name}.`,
    value: 80,
    unit: indicator.unit,
    denominator: 1000,
    benchmark: { label: 'London', value: 82, comparison: 'similar' },
    variation: 'common-cause',
    assurance: null,
    recentTrend: 'No significant change',
    sparkline: [{ period, value: 80 }],
    link: attentionLink({ kind: 'indicator', indicatorId: indicator.id, areaCode: area.code, areaType: area.type, period, signal: signals[0]?.rule ?? null, release: null }),
    ...overrides,
  };
  return { item, area, indicator };
}

export const makeStatusTable = (releaseId: string, rows: readonly StatusRow[], scope: StatusScope = { kind: 'region' }): StatusTable => ({ releaseId, scope, rows, buildMs: 1 });
