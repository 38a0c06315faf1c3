import { z } from 'zod';
import { BOROUGHS, ICBS, type Area } from './london-geography.ts';

/** Area levels the maps draw with official boundaries. */
export const BOUNDARY_AREA_TYPES = ['borough', 'icb'] as const;
export type BoundaryAreaType = (typeof BOUNDARY_AREA_TYPES)[number];

/** The OGL v3 attribution ONS boundary products require; the bundled files add their year. */
export const ONS_BOUNDARIES_ATTRIBUTION = 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right.';

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const geometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

export const areaBoundarySchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), name: z.string() }),
  geometry: geometrySchema,
});

export const areaBoundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  areaType: z.enum(BOUNDARY_AREA_TYPES),
  /** The licence statement to show with the map. */
  attribution: z.string(),
  features: z.array(areaBoundarySchema),
});
export type AreaBoundaries = z.infer<typeof areaBoundariesSchema>;
export type AreaBoundary = AreaBoundaries['features'][number];
/** Boundaries of every level the maps draw. */
export type BoundarySet = Readonly<Record<BoundaryAreaType, AreaBoundaries>>;

export const boundariesQuerySchema = z.object({ areaType: z.enum(BOUNDARY_AREA_TYPES).default('borough') });

const rawFeature = z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()).nullable(), geometry: z.unknown() });
const rawCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(rawFeature), attribution: z.string().optional() });

const LEVEL = {
  borough: { areas: BOROUGHS as readonly Area[], fields: 'LAD', what: 'London borough (codes E09000001 to E09000033)' },
  icb: { areas: ICBS as readonly Area[], fields: 'ICB', what: 'London ICB (codes E54000027 to E54000031)' },
} as const;

/**
 * Reads an ONS boundaries GeoJSON (WGS84) of Local Authority Districts (`areaType` borough) or
 * Integrated Care Boards (`icb`), for the UK or just London, and keeps London's areas of that level
 * with `{ code, name }` properties (names from our geography), in our code order. The code is in `code`, or in
 * `LADyyCD`/`ICByyCD` for any year. The attribution is the file's own top-level `attribution`, else
 * `attribution`. Throws naming what is wrong: not a FeatureCollection, a feature without a code or
 * with a geometry that is not a polygon, an area missing or there twice.
 * @example normaliseAreaBoundaries(JSON.parse(fileText), 'borough', ONS_BOUNDARIES_ATTRIBUTION).features.length // 33
 */
export function normaliseAreaBoundaries(geojson: unknown, areaType: BoundaryAreaType, attribution: string): AreaBoundaries {
  const collection = rawCollection.safeParse(geojson);
  if (!collection.success) throw new Error('boundaries must be a GeoJSON FeatureCollection of Feature objects');
  const { areas, fields, what } = LEVEL[areaType];
  const known = new Map(areas.map((a) => [a.code, a]));
  const codeField = new RegExp(`^${fields}\\d{2}CD$`, 'i');
  const features = collection.data.features.flatMap((f, i) => {
    const props = f.properties ?? {};
    const codeKey = Object.keys(props).find((k) => codeField.test(k));
    const code = props.code ?? (codeKey ? props[codeKey] : undefined);
    if (typeof code !== 'string') throw new Error(`boundary feature ${i} has no area code (properties code or ${fields}yyCD)`);
    const area = known.get(code);
    if (!area) return [];
    const geometry = geometrySchema.safeParse(f.geometry);
    if (!geometry.success) throw new Error(`boundary of ${code} is not a Polygon or MultiPolygon`);
    return [{ type: 'Feature' as const, properties: { code, name: area.name }, geometry: geometry.data }];
  });
  if (features.length === 0) throw new Error(`the boundaries have no ${what}`);
  const count = new Map<string, number>();
  for (const f of features) count.set(f.properties.code, (count.get(f.properties.code) ?? 0) + 1);
  const twice = [...count].filter(([, n]) => n > 1).map(([code, n]) => `${code} (${n} features)`);
  if (twice.length > 0) throw new Error(`the boundaries have more than one feature for ${twice.join(', ')}`);
  const missing = areas.filter((a) => !count.has(a.code)).map((a) => `${a.code} ${a.name}`);
  if (missing.length > 0) throw new Error(`the boundaries have no feature for ${missing.join(', ')}`);
  const order = new Map(areas.map((a, i) => [a.code, i]));
  features.sort((a, b) => order.get(a.properties.code)! - order.get(b.properties.code)!);
  return { type: 'FeatureCollection', areaType, attribution: collection.data.attribution ?? attribution, features };
}
