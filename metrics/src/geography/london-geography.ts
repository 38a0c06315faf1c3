/** Area levels the dashboard knows, from the country down to a GP practice. */
export const AREA_TYPES = ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export interface Area {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  /** Code of the area one level up; null for England. */
  readonly parent: string | null;
}

export interface Icb extends Area {
  readonly type: 'icb';
  readonly odsCode: string;
  /** Short ICS name used in tables and charts, e.g. "North East London". */
  readonly shortName: string;
  readonly abbreviation: string;
}

export interface Borough extends Area {
  readonly type: 'borough';
  readonly parent: string;
  readonly inner: boolean;
  /** Position on the London tile-grid map: column 0 is west, row 0 is north. */
  readonly tile: { readonly col: number; readonly row: number };
}

export const ENGLAND: Area = Object.freeze({ code: 'E92000001', name: 'England', type: 'england', parent: null });
export const LONDON: Area = Object.freeze({ code: 'E12000007', name: 'London', type: 'region', parent: ENGLAND.code });

const icb = (code: string, odsCode: string, abbreviation: string, shortName: string): Icb =>
  Object.freeze({ code, odsCode, abbreviation, shortName, name: `NHS ${shortName} Integrated Care Board`, type: 'icb', parent: LONDON.code });

/** The five London ICBs (ONS and ODS codes from the ONS LAD→ICB lookup). */
export const ICBS: readonly Icb[] = Object.freeze([
  icb('E54000027', 'QRV', 'NWL', 'North West London'),
  icb('E54000028', 'QMJ', 'NCL', 'North Central London'),
  icb('E54000029', 'QMF', 'NEL', 'North East London'),
  icb('E54000030', 'QKK', 'SEL', 'South East London'),
  icb('E54000031', 'QWE', 'SWL', 'South West London'),
]);

const [NWL, NCL, NEL, SEL, SWL] = ICBS.map((i) => i.code) as [string, string, string, string, string];

const borough = (code: string, name: string, parent: string, inner: boolean, col: number, row: number): Borough =>
  Object.freeze({ code, name, type: 'borough', parent, inner, tile: Object.freeze({ col, row }) });

/**
 * The 33 London local authorities with their ICB and inner/outer London status (ONS), and a
 * tile-grid position: one square per borough placed roughly where it lies (Enfield at the top,
 * Hillingdon left, Havering right, Sutton/Croydon/Bromley at the bottom).
 */
export const BOROUGHS: readonly Borough[] = Object.freeze([
  borough('E09000001', 'City of London', NEL, true, 4, 3),
  borough('E09000002', 'Barking and Dagenham', NEL, false, 6, 2),
  borough('E09000003', 'Barnet', NCL, false, 3, 1),
  borough('E09000004', 'Bexley', SEL, false, 7, 4),
  borough('E09000005', 'Brent', NWL, false, 2, 2),
  borough('E09000006', 'Bromley', SEL, false, 5, 5),
  borough('E09000007', 'Camden', NCL, true, 3, 2),
  borough('E09000008', 'Croydon', SWL, false, 4, 5),
  borough('E09000009', 'Ealing', NWL, false, 1, 2),
  borough('E09000010', 'Enfield', NCL, false, 4, 0),
  borough('E09000011', 'Greenwich', SEL, false, 6, 4),
  borough('E09000012', 'Hackney', NEL, true, 5, 2),
  borough('E09000013', 'Hammersmith and Fulham', NWL, true, 1, 3),
  borough('E09000014', 'Haringey', NCL, true, 4, 1),
  borough('E09000015', 'Harrow', NWL, false, 2, 1),
  borough('E09000016', 'Havering', NEL, false, 7, 2),
  borough('E09000017', 'Hillingdon', NWL, false, 0, 2),
  borough('E09000018', 'Hounslow', NWL, false, 0, 3),
  borough('E09000019', 'Islington', NCL, true, 4, 2),
  borough('E09000020', 'Kensington and Chelsea', NWL, true, 2, 3),
  borough('E09000021', 'Kingston upon Thames', SWL, false, 1, 5),
  borough('E09000022', 'Lambeth', SEL, true, 3, 4),
  borough('E09000023', 'Lewisham', SEL, true, 5, 4),
  borough('E09000024', 'Merton', SWL, false, 2, 5),
  borough('E09000025', 'Newham', NEL, true, 6, 3),
  borough('E09000026', 'Redbridge', NEL, false, 6, 1),
  borough('E09000027', 'Richmond upon Thames', SWL, false, 1, 4),
  borough('E09000028', 'Southwark', SEL, true, 4, 4),
  borough('E09000029', 'Sutton', SWL, false, 3, 5),
  borough('E09000030', 'Tower Hamlets', NEL, true, 5, 3),
  borough('E09000031', 'Waltham Forest', NEL, false, 5, 1),
  borough('E09000032', 'Wandsworth', SWL, true, 2, 4),
  borough('E09000033', 'Westminster', NWL, true, 3, 3),
]);

const byCode = new Map<string, Area>([ENGLAND, LONDON, ...ICBS, ...BOROUGHS].map((a) => [a.code, a]));

/** Looks up England, London, an ICB (ONS code) or a borough by code; undefined when unknown. */
export function findArea(code: string): Area | undefined {
  return byCode.get(code);
}

/** The areas of one level of the fixed geography (practices and PCNs come from the data release). */
export function areasOfType(type: AreaType): readonly Area[] {
  switch (type) {
    case 'england': return [ENGLAND];
    case 'region': return [LONDON];
    case 'icb': return ICBS;
    case 'borough': return BOROUGHS;
    default: return [];
  }
}
