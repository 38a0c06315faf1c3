import polylabel from 'polylabel';
import { insideRings, type AreaBoundaries } from '@pathfinder/metrics';

type Point = [number, number];
type Ring = Point[];

/** One area projected into map units (x east, y south; the map is `MAP_WIDTH` units wide). */
export interface MapShape {
  readonly code: string;
  readonly name: string;
  /** SVG path data of every polygon of the area. */
  readonly path: string;
  /** The rings of the area's largest polygon, where its label goes. */
  readonly main: readonly Ring[];
  /** The point of the largest polygon furthest from its edges: where the label and keyboard target sit. */
  readonly anchor: Point;
}

export interface MapGeometry {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly MapShape[];
}

export const MAP_WIDTH = 1000;

/** Web Mercator, as on any web map, with y growing southwards as on screen. */
const mercator = (position: readonly number[]): Point => [(position[0]! * Math.PI) / 180, -Math.log(Math.tan(Math.PI / 4 + (position[1]! * Math.PI) / 360))];

const ringArea = (ring: readonly Point[]) => Math.abs(ring.reduce((s, [x, y], i) => {
  const [nx, ny] = ring[(i + 1) % ring.length]!;
  return s + x * ny - nx * y;
}, 0)) / 2;

/** One decimal of a map unit is a tenth of a pixel on a map 1,000 pixels wide: finer is wasted bytes. */
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Projects boundaries once into map units: SVG paths, and for each area the pole of inaccessibility
 * of its largest polygon (polylabel, Mapbox's algorithm), which keeps labels off narrow parts and
 * inside concave shapes where a centroid would fall outside.
 */
export function mapGeometry(boundaries: AreaBoundaries): MapGeometry {
  const projected = boundaries.features.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((polygon) => polygon.map((ring) => ring.map(mercator))));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of projected.flat(3)) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const k = MAP_WIDTH / (maxX - minX);
  const shapes = boundaries.features.map((f, i) => {
    const polygons = projected[i]!.map((polygon) => polygon.map((ring) => ring.map(([x, y]): Point => [(x - minX) * k, (y - minY) * k])));
    const main = polygons.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
    const pole = polylabel(main, 0.5);
    const path = polygons.map((polygon) => polygon.map((ring) => `M${ring.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join('L')}Z`).join('')).join('');
    return { code: f.properties.code, name: f.properties.name, path, main, anchor: [pole[0], pole[1]] as Point };
  });
  return { width: MAP_WIDTH, height: (maxY - minY) * k, shapes };
}

/** Scale and offset that fit the map, centred, into a box of pixels with `padding` on every side. */
export function fitGeometry(geometry: MapGeometry, width: number, height: number, padding: number): { scale: number; x: number; y: number } {
  const scale = Math.max(0, Math.min((width - 2 * padding) / geometry.width, (height - 2 * padding) / geometry.height));
  return { scale, x: (width - geometry.width * scale) / 2, y: (height - geometry.height * scale) / 2 };
}

/**
 * Whether a box of `width` × `height` map units centred on the shape's anchor lies inside its
 * largest polygon: its corners, edge midpoints and centre are inside and no vertex pokes into it.
 */
export function boxFits(shape: MapShape, width: number, height: number): boolean {
  const [cx, cy] = shape.anchor;
  const [hw, hh] = [width / 2, height / 2];
  const samples: Point[] = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy): Point => [cx + dx * hw, cy + dy * hh]));
  if (!samples.every((p) => insideRings(shape.main, p))) return false;
  return shape.main.every((ring) => ring.every(([x, y]) => Math.abs(x - cx) >= hw || Math.abs(y - cy) >= hh));
}

/**
 * The first of `candidates` (longest first) whose text fits inside the area at `scale` pixels per
 * map unit, with its width in pixels; null when none fits.
 */
export function fittingLabel(shape: MapShape, candidates: readonly string[], scale: number, textWidth: (text: string) => number, textHeight: number): { text: string; width: number } | null {
  if (scale <= 0) return null;
  for (const text of candidates) {
    const width = textWidth(text);
    if (boxFits(shape, (width + 4) / scale, (textHeight + 2) / scale)) return { text, width };
  }
  return null;
}
