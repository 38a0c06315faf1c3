import { immunisationIndicators } from './immunisation-indicators.ts';
import { indicatorSpecSchema, type Indicator, type IndicatorSpec } from './indicator-spec.ts';

/** Parses authored specs into frozen definitions; throws naming the indicator and field on any error. */
export function parseCatalogue(specs: readonly IndicatorSpec[]): readonly Indicator[] {
  const seen = new Set<string>();
  return Object.freeze(
    specs.map((spec) => {
      const parsed = indicatorSpecSchema.safeParse(spec);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`indicator ${spec.id ?? '(no id)'}: ${issue?.path.join('.') || 'spec'}: ${issue?.message}`);
      }
      if (seen.has(parsed.data.id)) throw new Error(`indicator ${parsed.data.id} is defined twice`);
      seen.add(parsed.data.id);
      return Object.freeze(parsed.data);
    }),
  );
}

/** Every indicator the dashboard knows, in display order. */
export const INDICATORS: readonly Indicator[] = parseCatalogue([...immunisationIndicators]);

const byId = new Map(INDICATORS.map((i) => [i.id, i]));

/** The indicator with this id, or undefined. */
export function findIndicator(id: string): Indicator | undefined {
  return byId.get(id);
}
