import { BOROUGHS, type ProfileComparator } from '@pathfinder/metrics';
import { areaLabel, areaLevel } from './london-areas.ts';

/** What an area's profile may be compared with: London has only England; an ICB London or England; a borough also its own ICB. */
export function profileComparatorOptions(code: string): { value: ProfileComparator; label: string }[] {
  const level = areaLevel(code);
  if (level === 'region') return [{ value: 'england', label: 'England' }];
  const icb = BOROUGHS.find((b) => b.code === code)?.parent;
  return [
    { value: 'london', label: 'London' },
    { value: 'england', label: 'England' },
    ...(level === 'borough' && icb ? [{ value: 'icb' as const, label: areaLabel(icb) }] : []),
  ];
}

/**
 * The comparator a profile shows: the one chosen when the area offers it, else the first offered
 * (London for an ICB or borough, as the Overview compares; England for London).
 */
export function profileComparator(code: string, chosen: ProfileComparator | undefined): ProfileComparator {
  const options = profileComparatorOptions(code);
  return options.find((o) => o.value === chosen)?.value ?? options[0]!.value;
}
