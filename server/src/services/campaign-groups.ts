const DEPRIVATION_LABELS: Record<string, string> = { 1: 'Most deprived 20%', 2: 'Quintile 2', 3: 'Quintile 3', 4: 'Quintile 4', 5: 'Least deprived 20%' };
const ETHNIC_ORDER = ['White', 'Mixed', 'Asian', 'Black', 'Other'];

const parts = (group: string) => {
  const at = group.indexOf(':');
  return { dimension: group.slice(0, at), value: group.slice(at + 1) };
};

/** A breakdown group in words: "deprivation:1" → "Most deprived 20%", "ethnicity:Asian" → "Asian", "…:unknown" → "Not recorded". */
export function campaignGroupLabel(group: string): string {
  const { dimension, value } = parts(group);
  if (value === 'unknown') return 'Not recorded';
  return dimension === 'deprivation' ? DEPRIVATION_LABELS[value] ?? `Quintile ${value}` : value;
}

/** Sort order of breakdown groups: quintiles most to least deprived, ethnic groups in the census order, then any others by name, "unknown" last. */
export function campaignGroupOrder(a: string, b: string): number {
  const rank = (group: string) => {
    const { value } = parts(group);
    if (value === 'unknown') return 1_000;
    const ethnic = ETHNIC_ORDER.indexOf(value);
    return ethnic >= 0 ? ethnic : /^\d+$/.test(value) ? Number(value) : 500;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
