/** Most marks a funnel plot draws; beyond this the SVG gets slow and the points unreadable. */
const MAX_FUNNEL_MARKS = 1000;

/**
 * At most `limit` points, the same every time for the same data: every point outside the 95%
 * limits (the ones a reader is looking for), then evenly spaced points of the rest in code order.
 * If the outliers alone exceed the limit they are spaced evenly too.
 */
export function sampleFunnelPoints<P extends { readonly areaCode: string; readonly significance: string }>(points: readonly P[], limit = MAX_FUNNEL_MARKS): { shown: P[]; sampled: boolean } {
  if (points.length <= limit) return { shown: [...points], sampled: false };
  const byCode = [...points].sort((a, b) => a.areaCode.localeCompare(b.areaCode));
  const outliers = byCode.filter((p) => p.significance !== 'none');
  const within = byCode.filter((p) => p.significance === 'none');
  const keptOutliers = evenlySpaced(outliers, limit);
  return { shown: [...keptOutliers, ...evenlySpaced(within, limit - keptOutliers.length)], sampled: true };
}

function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}
