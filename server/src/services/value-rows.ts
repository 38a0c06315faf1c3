import { applyDisclosure, indicatorValue, MISSING_VALUE, type Indicator, type ValueFields } from '@pathfinder/metrics';
import { seesUnrounded } from '../auth/caller.ts';
import type { ServiceContext } from './service-context.ts';

export interface CountRow {
  readonly areaCode: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly valueNote: string | null;
}

/**
 * Values and confidence limits from counts, then disclosure control (INDICATORS.md) for rows below
 * national level that the caller may not see unrounded: counts 1–7 hidden with everything derived
 * from them, other counts rounded to 5, and secondary suppression among rows sharing a `group` key
 * (siblings that add up to a published total). Values are computed before rounding.
 */
export function valueRows<R extends CountRow>(ctx: ServiceContext, indicator: Indicator, rows: readonly R[], group: (row: R) => string | null): (R & ValueFields)[] {
  for (const r of rows) {
    const type = ctx.release.areas.get(r.areaCode)?.type;
    if (type) ctx.returned?.(type);
  }
  const computed = rows.map((r) => ({ ...r, parentCode: group(r), ...safeValue(indicator, r.numerator, r.denominator) }));
  const exempt = (r: (typeof computed)[number]) => {
    const area = ctx.release.areas.get(r.areaCode);
    return !area || area.type === 'england' || seesUnrounded(ctx.caller, area);
  };
  const controlledIndex = computed.flatMap((r, i) => (exempt(r) ? [] : [i]));
  const controlled = applyDisclosure(controlledIndex.map((i) => computed[i]!), { parentKey: (r) => r.parentCode });
  const byIndex = new Map(controlledIndex.map((i, k) => [i, controlled[k]!]));
  return computed.map((original, i) => {
    const r = byIndex.get(i) ?? { ...original, disclosure: 'none' as const };
    const { parentCode: _parent, disclosure, ...rest } = r;
    return { ...(rest as unknown as R & ValueFields), suppressed: disclosure === 'suppressed' };
  });
}

/** Whether any row of an answer went through disclosure control, for the response's meta. */
export function disclosureApplied(ctx: ServiceContext, areaCodes: Iterable<string>): 'none' | 'suppressed-and-rounded' {
  for (const code of areaCodes) {
    const area = ctx.release.areas.get(code);
    if (area && area.type !== 'england' && !seesUnrounded(ctx.caller, area)) return 'suppressed-and-rounded';
  }
  return 'none';
}

function safeValue(indicator: Indicator, numerator: number | null, denominator: number | null) {
  try {
    return indicatorValue(indicator, numerator, denominator);
  } catch {
    return MISSING_VALUE;
  }
}
