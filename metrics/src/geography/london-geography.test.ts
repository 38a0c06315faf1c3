import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BOROUGHS, ICBS, LONDON, findArea } from './london-geography.ts';

const lookupCsv = new URL('../../../../shared/data/geography/london_borough_icb_lookup.csv', import.meta.url);

describe('London geography', () => {
  it('has 33 boroughs in 5 ICBs, all inside London', () => {
    expect(BOROUGHS).toHaveLength(33);
    expect(ICBS).toHaveLength(5);
    expect(new Set(BOROUGHS.map((b) => b.code)).size).toBe(33);
    for (const i of ICBS) expect(i.parent).toBe(LONDON.code);
  });

  it('matches the ONS borough→ICB lookup and inner-London flags', () => {
    const [, ...rows] = readFileSync(lookupCsv, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(33);
    for (const row of rows) {
      const [code, name, icbCode, icbOds, , , , , , , , inner] = row.split(',');
      const b = BOROUGHS.find((x) => x.code === code);
      expect(b, code).toBeDefined();
      expect(b?.name).toBe(name);
      expect(b?.parent).toBe(icbCode);
      expect(b?.inner).toBe(inner === 'true');
      expect(ICBS.find((i) => i.code === icbCode)?.odsCode).toBe(icbOds);
    }
  });

  it('gives every borough its own tile, with Enfield at the top and Hillingdon at the left', () => {
    const tiles = new Set(BOROUGHS.map((b) => `${b.tile.col},${b.tile.row}`));
    expect(tiles.size).toBe(33);
    const enfield = findArea('E09000010') as (typeof BOROUGHS)[number];
    expect(enfield.tile.row).toBe(Math.min(...BOROUGHS.map((b) => b.tile.row)));
    const hillingdon = findArea('E09000017') as (typeof BOROUGHS)[number];
    expect(hillingdon.tile.col).toBe(0);
  });
});
