import { readFile } from 'node:fs/promises';
import { normaliseAreaBoundaries, ONS_BOUNDARIES_ATTRIBUTION, type AreaBoundaries, type BoundaryAreaType, type BoundarySet } from '@pathfinder/metrics';
import { LONDON_BOUNDARIES } from '@pathfinder/metrics/london-boundaries';

/**
 * The map boundaries: the bundled ONS files, each replaced by BOUNDARIES_FILE (boroughs) or
 * ICB_BOUNDARIES_FILE when set. Read and checked at start: a missing or malformed file stops the
 * server with the variable, the file and the reason.
 */
export async function loadBoundaries(env: { BOUNDARIES_FILE?: string | undefined; ICB_BOUNDARIES_FILE?: string | undefined }): Promise<BoundarySet> {
  const [borough, icb] = await Promise.all([
    env.BOUNDARIES_FILE ? readBoundaries('BOUNDARIES_FILE', env.BOUNDARIES_FILE, 'borough') : LONDON_BOUNDARIES.borough,
    env.ICB_BOUNDARIES_FILE ? readBoundaries('ICB_BOUNDARIES_FILE', env.ICB_BOUNDARIES_FILE, 'icb') : LONDON_BOUNDARIES.icb,
  ]);
  return { borough, icb };
}

async function readBoundaries(variable: string, file: string, areaType: BoundaryAreaType): Promise<AreaBoundaries> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${variable} ${file}: cannot read it (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return normaliseAreaBoundaries(JSON.parse(text), areaType, ONS_BOUNDARIES_ATTRIBUTION);
  } catch (error) {
    throw new Error(`${variable} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
