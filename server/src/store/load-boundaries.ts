import { readFile } from 'node:fs/promises';
import { normaliseBoroughBoundaries, type BoroughBoundaries } from '@pathfinder/metrics';

/** Reads and checks the BOUNDARIES_FILE at start; a missing or malformed file stops the server with the reason. */
export async function loadBoundaries(file: string): Promise<BoroughBoundaries> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`BOUNDARIES_FILE ${file}: cannot read it (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return normaliseBoroughBoundaries(JSON.parse(text));
  } catch (error) {
    throw new Error(`BOUNDARIES_FILE ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
