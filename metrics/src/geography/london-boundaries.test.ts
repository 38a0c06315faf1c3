import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { insideRings } from './inside-rings.ts';
import { LONDON_BOUNDARIES } from './london-boundaries.ts';
import { BOROUGHS, ICBS } from './london-geography.ts';

type Ring = [number, number][];
interface RawFeature {
  properties: { code: string; name: string; LONG: number; LAT: number };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
/** The bundled files as shipped, read without our normalisation (which would hide a stray feature). */
const raw = (file: string) => (JSON.parse(readFileSync(new URL(`./boundaries/${file}`, import.meta.url), 'utf8')) as { features: RawFeature[] }).features;
const rawBoroughs = raw('london-boroughs-lad24-bsc.geo.json');
const rawIcbs = raw('london-icbs-icb23-bsc.geo.json');
const sorted = (codes: string[]) => [...codes].sort();

/** Whether a feature's polygon (or any polygon of a multipolygon) holds the point. */
const contains = (geometry: RawFeature['geometry'], point: [number, number]) => insideRings(geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(), point);

describe('the bundled ONS boundaries and our geography', () => {
  it('has exactly one borough feature for every London borough of our geography, and no other', () => {
    expect(sorted(rawBoroughs.map((f) => f.properties.code))).toEqual(sorted(BOROUGHS.map((b) => b.code)));
    expect(new Set(rawBoroughs.map((f) => f.properties.code)).size).toBe(rawBoroughs.length);
    expect(rawBoroughs.find((f) => f.properties.code === 'E09000001')?.properties.name).toBe('City of London');
    expect(rawBoroughs.find((f) => f.properties.code === 'E09000012')?.properties.name).toBe('Hackney');
  });

  it('has exactly one ICB feature for every London ICB of our geography, and no other', () => {
    expect(sorted(rawIcbs.map((f) => f.properties.code))).toEqual(sorted(ICBS.map((i) => i.code)));
    expect(new Set(rawIcbs.map((f) => f.properties.code)).size).toBe(rawIcbs.length);
  });

  it('names every area as our geography does', () => {
    const ours = new Map([...BOROUGHS, ...ICBS].map((a) => [a.code, a.name]));
    for (const f of [...rawBoroughs, ...rawIcbs]) expect(f.properties.name, f.properties.code).toBe(ours.get(f.properties.code));
  });

  it('puts each borough’s ONS label point inside the ICB our geography gives it, and inside no other', () => {
    for (const borough of rawBoroughs) {
      const point: [number, number] = [borough.properties.LONG, borough.properties.LAT];
      expect(contains(borough.geometry, point), `${borough.properties.name} contains its label point`).toBe(true);
      const parents = rawIcbs.filter((icb) => contains(icb.geometry, point)).map((icb) => icb.properties.code);
      expect(parents, borough.properties.name).toEqual([BOROUGHS.find((b) => b.code === borough.properties.code)!.parent]);
    }
  });

  it('serves them normalised: 33 boroughs and 5 ICBs in code order with the ONS attribution and year', () => {
    expect(LONDON_BOUNDARIES.borough.features.map((f) => f.properties.code)).toEqual(BOROUGHS.map((b) => b.code));
    expect(LONDON_BOUNDARIES.icb.features.map((f) => f.properties.code)).toEqual(ICBS.map((i) => i.code));
    expect(LONDON_BOUNDARIES.borough.attribution).toMatch(/Open Government Licence v\.3\.0\. Contains OS data © Crown copyright and database right 2024\.$/);
    expect(LONDON_BOUNDARIES.icb.attribution).toMatch(/database right 2023\.$/);
  });
});
