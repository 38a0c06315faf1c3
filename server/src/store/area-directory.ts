import { BOROUGHS, ENGLAND, ICBS, LONDON, type Area, type AreaType } from '@pathfinder/metrics';

/** An area of any level with every ancestor's code, so "under this parent" is one lookup. */
export interface DirectoryArea extends Area {
  readonly ancestors: readonly string[];
  readonly boroughCode: string | null;
  readonly icbCode: string | null;
  readonly deprivationQuintile: number | null;
}

export interface PracticeAreaRow {
  area_code: string;
  area_name: string;
  area_type: string;
  parent_code: string;
  borough_code: string;
  icb_code: string;
  deprivation_quintile: number | null;
}

/** Every area a release knows: the fixed geography plus the release's practices and PCNs. */
export class AreaDirectory {
  private readonly byCode = new Map<string, DirectoryArea>();

  constructor(practiceRows: readonly PracticeAreaRow[]) {
    const add = (a: DirectoryArea) => this.byCode.set(a.code, a);
    add({ ...ENGLAND, ancestors: [], boroughCode: null, icbCode: null, deprivationQuintile: null });
    add({ ...LONDON, ancestors: [ENGLAND.code], boroughCode: null, icbCode: null, deprivationQuintile: null });
    for (const i of ICBS) add({ ...i, ancestors: [LONDON.code, ENGLAND.code], boroughCode: null, icbCode: i.code, deprivationQuintile: null });
    for (const b of BOROUGHS) add({ ...b, ancestors: [b.parent, LONDON.code, ENGLAND.code], boroughCode: b.code, icbCode: b.parent, deprivationQuintile: null });
    for (const r of practiceRows) {
      const ancestors = [...(r.parent_code !== r.borough_code ? [r.parent_code] : []), r.borough_code, r.icb_code, LONDON.code, ENGLAND.code];
      add({ code: r.area_code, name: r.area_name, type: r.area_type as AreaType, parent: r.parent_code, ancestors, boroughCode: r.borough_code, icbCode: r.icb_code, deprivationQuintile: r.deprivation_quintile });
    }
  }

  get(code: string): DirectoryArea | undefined {
    return this.byCode.get(code);
  }

  /** Areas of a type, optionally only those with `parent` as any ancestor, in code order. */
  list(type: AreaType, parent?: string | null): DirectoryArea[] {
    const out: DirectoryArea[] = [];
    for (const a of this.byCode.values()) if (a.type === type && (!parent || a.ancestors.includes(parent))) out.push(a);
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }
}
