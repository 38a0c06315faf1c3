import { asthmaIndicators } from './asthma-indicators.ts';
import { cancerIndicators } from './cancer-indicators.ts';
import { hypertensionIndicators } from './hypertension-indicators.ts';
import { immunisationIndicators } from './immunisation-indicators.ts';
import { indicatorSpecSchema, type Indicator, type IndicatorSpec } from './indicator-spec.ts';

/**
 * Parses authored specs into frozen definitions; throws naming the indicator and field on any
 * error, a repeated id, or a COVER measure claimed by two indicators.
 * @example parseCatalogue(immunisationIndicators).length // 19
 */
export function parseCatalogue(specs: readonly IndicatorSpec[]): readonly Indicator[] {
  const seen = new Set<string>();
  const coverOwner = new Map<string, string>();
  return Object.freeze(
    specs.map((spec) => {
      const parsed = indicatorSpecSchema.safeParse(spec);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`indicator ${spec.id ?? '(no id)'}: ${issue?.path.join('.') || 'spec'}: ${issue?.message}`);
      }
      const indicator = parsed.data;
      if (seen.has(indicator.id)) throw new Error(`indicator ${indicator.id} is defined twice`);
      seen.add(indicator.id);
      if (indicator.coverMeasure) {
        const owner = coverOwner.get(indicator.coverMeasure);
        if (owner) throw new Error(`indicator ${indicator.id}: COVER measure ${indicator.coverMeasure} is already mapped to ${owner}`);
        coverOwner.set(indicator.coverMeasure, indicator.id);
      }
      return deepFreeze(indicator);
    }),
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Every indicator the dashboard knows, in display order: immunisation, asthma, hypertension, cancer. */
export const INDICATORS: readonly Indicator[] = parseCatalogue([...immunisationIndicators, ...asthmaIndicators, ...hypertensionIndicators, ...cancerIndicators]);

const byId = new Map(INDICATORS.map((i) => [i.id, i]));

/**
 * The indicator with this id, or undefined.
 * @example findIndicator('imm-mmr1-24m')?.coverMeasure // '24m_MMR1'
 */
export function findIndicator(id: string): Indicator | undefined {
  return byId.get(id);
}
