import { indicatorValue, MISSING_VALUE, type Indicator, type ValueFields } from '@pathfinder/metrics';
import { seesUnrounded } from '../auth/caller.ts';
import type { ServiceContext } from './service-context.ts';

export interface CountRow {
  readonly areaCode: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly valueNote: string | null;
  /** Whether disclosure control hid a count (the caller reads the public table for this area). */
  readonly suppressed?: boolean;
}

/**
 * Values and confidence limits from the counts the caller may see. Disclosure control happened
 * once, when the release's public table was built (`disclosePublicTable`): a caller not entitled
 * to an area's exact counts is given that table's rounded counts, so the values here are computed
 * from them and can give away nothing the counts do not. A row with a hidden count has no value.
 */
export function valueRows<R extends CountRow>(ctx: ServiceContext, indicator: Indicator, rows: readonly R[]): (R & ValueFields)[] {
  for (const r of rows) {
    const type = ctx.release.areas.get(r.areaCode)?.type;
    if (type) ctx.returned?.(type);
  }
  return rows.map((r) => {
    const suppressed = r.suppressed === true;
    return { ...r, ...(suppressed ? MISSING_VALUE : indicatorValue(indicator, r.numerator, r.denominator)), suppressed };
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

