import { z } from 'zod';
import { BOROUGHS } from './london-geography.ts';

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const geometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

export const boroughBoundarySchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), name: z.string() }),
  geometry: geometrySchema,
});

export const boroughBoundariesSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(boroughBoundarySchema) });
export type BoroughBoundaries = z.infer<typeof boroughBoundariesSchema>;

const rawFeature = z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()).nullable(), geometry: z.unknown() });

/**
 * Reads an ONS "Local Authority Districts" GeoJSON (WGS84; code and name in `code`/`name`, or in
 * `LADyyCD`/`LADyyNM` for any year) and keeps the 33 London boroughs with `{ code, name }` properties.
 * Throws naming what is wrong: not a FeatureCollection, a feature without a code, no London borough.
 * @example normaliseBoroughBoundaries(JSON.parse(fileText)).features.length // 33
 */
export function normaliseBoroughBoundaries(geojson: unknown): BoroughBoundaries {
  const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(rawFeature) }).safeParse(geojson);
  if (!collection.success) throw new Error('boundaries must be a GeoJSON FeatureCollection of Feature objects');
  const london = new Set(BOROUGHS.map((b) => b.code));
  const features = collection.data.features.flatMap((f, i) => {
    const props = f.properties ?? {};
    const codeKey = Object.keys(props).find((k) => /^LAD\d{2}CD$/i.test(k));
    const nameKey = Object.keys(props).find((k) => /^LAD\d{2}NM$/i.test(k));
    const code = props.code ?? (codeKey ? props[codeKey] : undefined);
    const name = props.name ?? (nameKey ? props[nameKey] : undefined);
    if (typeof code !== 'string') throw new Error(`boundary feature ${i} has no area code (properties code or LADyyCD)`);
    if (!london.has(code)) return [];
    const geometry = geometrySchema.safeParse(f.geometry);
    if (!geometry.success) throw new Error(`boundary of ${code} is not a Polygon or MultiPolygon`);
    return [{ type: 'Feature' as const, properties: { code, name: typeof name === 'string' ? name : code }, geometry: geometry.data }];
  });
  if (features.length === 0) throw new Error('the boundaries file has no London borough (codes E09000001 to E09000033)');
  return { type: 'FeatureCollection', features };
}
