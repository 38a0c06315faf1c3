/** A position in any planar coordinates (map units, or longitude and latitude). */
export type PlanePoint = readonly [number, number];

/** Whether `point` lies inside `rings` by the even-odd rule, so a hole (an inner ring) counts as outside. */
export function insideRings(rings: readonly (readonly PlanePoint[])[], [x, y]: PlanePoint): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
