import type { BREAKDOWNS } from './indicator-spec.ts';

/** A breakdown group's dimension: deprivation, ethnicity, sex or age. */
type BreakdownDimension = (typeof BREAKDOWNS)[number];

/** The key of the whole population in `observations.breakdown`. */
export const BREAKDOWN_TOTAL = 'total';

/** A breakdown group's key in `observations.breakdown` and the API: `<dimension>:<value>`, e.g. "deprivation:1". */
export const breakdownKey = (dimension: BreakdownDimension, value: string | number) => `${dimension}:${value}`;

/**
 * A group key's dimension and value; null for the total (or any key without a dimension).
 * @example parseBreakdownKey('ethnicity:Asian') // { dimension: 'ethnicity', value: 'Asian' }
 */
export function parseBreakdownKey(key: string): { dimension: string; value: string } | null {
  const at = key.indexOf(':');
  return at < 0 ? null : { dimension: key.slice(0, at), value: key.slice(at + 1) };
}

const DEPRIVATION_LABELS: Readonly<Record<string, string>> = { 1: 'Most deprived 20%', 2: 'Quintile 2', 3: 'Quintile 3', 4: 'Quintile 4', 5: 'Least deprived 20%' };
const SEX_LABELS: Readonly<Record<string, string>> = { F: 'Female', M: 'Male' };
/** Ethnic groups in the census's order. */
const ETHNIC_ORDER = ['White', 'Mixed', 'Asian', 'Black', 'Other'];
/** The value of a group whose members have no recorded value. */
const NOT_RECORDED = 'unknown';

/**
 * A breakdown group in words: "deprivation:1" → "Most deprived 20%", "sex:F" → "Female",
 * "ethnicity:Asian" → "Asian", "…:unknown" → "Not recorded".
 */
export function breakdownGroupLabel(key: string): string {
  const group = parseBreakdownKey(key);
  if (!group) return key === BREAKDOWN_TOTAL ? 'All' : key;
  if (group.value === NOT_RECORDED) return 'Not recorded';
  if (group.dimension === 'deprivation') return DEPRIVATION_LABELS[group.value] ?? `Quintile ${group.value}`;
  if (group.dimension === 'sex') return SEX_LABELS[group.value] ?? group.value;
  return group.value;
}

/** Sort order of breakdown groups: quintiles most to least deprived, ethnic groups in the census order, then any others by name, "not recorded" last. */
export function compareBreakdownGroups(a: string, b: string): number {
  const rank = (key: string) => {
    const value = parseBreakdownKey(key)?.value ?? key;
    if (value === NOT_RECORDED) return 1_000;
    const ethnic = ETHNIC_ORDER.indexOf(value);
    return ethnic >= 0 ? ethnic : /^\d+$/.test(value) ? Number(value) : 500;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
