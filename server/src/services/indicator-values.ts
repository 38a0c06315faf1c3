import { findArea, indicatorValue, indicatorValuesSql, type Indicator, type IndicatorValueRow, type IndicatorValuesRow, type QueryRunner } from '@pathfinder/metrics';

/** Values and confidence limits of one indicator for every area of a level in one period. */
export async function indicatorValues(runner: QueryRunner, indicator: Indicator, areaType: string, period: string | null): Promise<{ period: string | null; rows: IndicatorValueRow[] }> {
  const raw = await runner.all<IndicatorValuesRow>(indicatorValuesSql({ indicatorId: indicator.id, areaType, period }));
  const rows = raw.map((r): IndicatorValueRow => {
    const area = findArea(r.area_code);
    return {
      areaCode: r.area_code,
      areaName: area?.name ?? r.area_code,
      parentCode: area?.parent ?? null,
      period: r.period,
      numerator: r.numerator,
      denominator: r.denominator,
      ...indicatorValue(indicator, r.numerator, r.denominator),
      valueNote: r.value_note,
    };
  });
  return { period: rows[0]?.period ?? period, rows };
}
