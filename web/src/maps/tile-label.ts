const OVERRIDES: Record<string, string> = {
  'City of London': 'City',
  'Barking and Dagenham': 'B&D',
  'Hammersmith and Fulham': 'H&F',
  'Kensington and Chelsea': 'K&C',
  'Kingston upon Thames': 'King',
  'Richmond upon Thames': 'Rich',
  'Tower Hamlets': 'TH',
  'Waltham Forest': 'WF',
};

/** A short label that fits a map tile: the first four letters, or a conventional abbreviation. */
export function tileLabel(name: string): string {
  return OVERRIDES[name] ?? name.slice(0, 4);
}
