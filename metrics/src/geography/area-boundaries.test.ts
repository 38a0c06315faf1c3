import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../test/reference.ts';
import { normaliseBoroughBoundaries } from './borough-boundaries.ts';

const square = { type: 'Polygon', coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51]]] };

describe('normaliseBoroughBoundaries', () => {
  it('reads the ONS LAD 2024 file: 33 boroughs with code and name', () => {
    const raw = JSON.parse(readFileSync(path.join(sharedDir, 'data/geography/london_boroughs_lad24_bsc.geojson'), 'utf8'));
    const b = normaliseBoroughBoundaries(raw);
    expect(b.features).toHaveLength(33);
    expect(b.features.find((f) => f.properties.code === 'E09000012')?.properties.name).toBe('Hackney');
  });

  it('takes LADyyCD/LADyyNM when there is no code/name, and drops areas outside London', () => {
    const b = normaliseBoroughBoundaries({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { LAD21CD: 'E09000007', LAD21NM: 'Camden' }, geometry: square },
      { type: 'Feature', properties: { LAD21CD: 'E06000001', LAD21NM: 'Hartlepool' }, geometry: square },
    ] });
    expect(b.features.map((f) => f.properties)).toEqual([{ code: 'E09000007', name: 'Camden' }]);
  });

  it.each([
    [{ type: 'Feature' }, 'FeatureCollection'],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square }] }, 'no area code'],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'E06000001' }, geometry: square }] }, 'no London borough'],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'E09000001' }, geometry: { type: 'Point', coordinates: [0, 0] } }] }, 'not a Polygon'],
  ])('rejects a bad file, saying what is wrong (%#)', (input, message) => expect(() => normaliseBoroughBoundaries(input)).toThrow(message));
});
