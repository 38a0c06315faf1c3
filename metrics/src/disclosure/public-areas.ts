import { BOROUGHS } from '../geography/london-geography.ts';

const code = (name: string) => BOROUGHS.find((b) => b.name === name)!.code;

/**
 * Areas too small to publish on their own: the City of London has one or two GP practices, so its
 * borough figures are practice figures. As UKHSA's COVER does, the public sees them merged into
 * Hackney's: the public row of Hackney counts both, and the City has no public row of its own.
 * Scoped roles that may see the City see it on its own.
 */
export const PUBLIC_MERGES: ReadonlyMap<string, string> = new Map([[code('City of London'), code('Hackney')]]);

/** The area whose public row carries this area's counts (itself, unless it is merged). */
export const publicAreaOf = (areaCode: string): string => PUBLIC_MERGES.get(areaCode) ?? areaCode;

/** Whether the area has no public row of its own (its counts are published within another's). */
export const isMergedForPublic = (areaCode: string): boolean => PUBLIC_MERGES.has(areaCode);

/** The note on a public row that carries merged areas' counts, e.g. "includes City of London". */
export const MERGED_AREA_NOTE = 'includes City of London (merged for disclosure control, as UKHSA COVER does)';
