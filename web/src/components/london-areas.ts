import { BOROUGHS, ICBS, LONDON, type AreaType } from '@pathfinder/metrics';

const BOROUGHS_BY_NAME = [...BOROUGHS].sort((a, b) => a.name.localeCompare(b.name));
const LEVEL = new Map<string, 'region' | 'icb' | 'borough'>([[LONDON.code, 'region'], ...ICBS.map((i) => [i.code, 'icb'] as const), ...BOROUGHS.map((b) => [b.code, 'borough'] as const)]);
const LABEL = new Map<string, string>([[LONDON.code, 'London'], ...ICBS.map((i) => [i.code, `${i.shortName} ICB`] as const), ...BOROUGHS.map((b) => [b.code, b.name] as const)]);

/** The areas a user can pick: London, its five ICBs, its 33 boroughs (alphabetical). */
export const LONDON_AREA_GROUPS = [
  { label: 'Region', areas: [{ code: LONDON.code, name: 'London' }] },
  { label: 'Integrated care boards', areas: ICBS.map((i) => ({ code: i.code, name: `${i.shortName} ICB` })) },
  { label: 'Boroughs', areas: BOROUGHS_BY_NAME.map((b) => ({ code: b.code, name: b.name })) },
] as const;

export const isLondonArea = (code: string): boolean => LEVEL.has(code);

/** The API's area level for London, an ICB or a borough. */
export const areaLevel = (code: string): Extract<AreaType, 'region' | 'icb' | 'borough'> | undefined => LEVEL.get(code);

/** A short display name: "London", "North East London ICB", "Hackney". */
export const areaLabel = (code: string): string => LABEL.get(code) ?? code;
