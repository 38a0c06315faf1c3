import type { Unit } from '../catalogue/indicator-spec.ts';

const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * A value as the attention texts write it: percentages and rates to 1 decimal place with their unit,
 * ratios to 2, counts of people whole, with thousands separators.
 * @example formatStatusValue(64.8, '%') // '64.8%'; formatStatusValue(1234.56, 'per 100,000') // '1,234.6 per 100,000'
 */
export function formatStatusValue(value: number, unit: Unit | 'people'): string {
  switch (unit) {
    case '%':
      return `${ONE_DECIMAL.format(value)}%`;
    case 'per 100,000':
    case 'per 1,000':
      return `${ONE_DECIMAL.format(value)} ${unit}`;
    case 'ratio':
      return TWO_DECIMALS.format(value);
    case 'count':
      return ONE_DECIMAL.format(value);
    case 'people':
      return WHOLE.format(value);
  }
}
