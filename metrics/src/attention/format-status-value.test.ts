import { expect, it } from 'vitest';
import { formatStatusValue } from './format-status-value.ts';

it.each([
  { case: 'a percentage to 1 decimal place', value: 64.8, unit: '%', text: '64.8%' },
  { case: 'a whole percentage keeps its decimal', value: 82, unit: '%', text: '82.0%' },
  { case: 'a percentage rounded half up', value: 86.25, unit: '%', text: '86.3%' },
  { case: 'a rate per 100,000 with separators', value: 1234.56, unit: 'per 100,000', text: '1,234.6 per 100,000' },
  { case: 'a rate per 1,000', value: 7.04, unit: 'per 1,000', text: '7.0 per 1,000' },
  { case: 'a ratio to 2 decimal places', value: 1.234, unit: 'ratio', text: '1.23' },
  { case: 'a mean count to 1 decimal place', value: 3.25, unit: 'count', text: '3.3' },
  { case: 'people, whole', value: 1240.4, unit: 'people', text: '1,240' },
] as const)('$case', ({ value, unit, text }) => {
  expect(formatStatusValue(value, unit)).toBe(text);
});
