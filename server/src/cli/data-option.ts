import { parseEnv } from '../env.ts';
import type { StringOption } from './cli-options.ts';

const FALLBACK = parseEnv({}).PATHFINDER_DATA;

/** `--data DIR` of every command that reads or writes releases. */
export const DATA_OPTION = { type: 'string', arg: 'DIR', description: 'data directory', defaultText: `PATHFINDER_DATA, else ${FALLBACK}` } as const satisfies StringOption;

/** The data directory `--data` names, else the environment's, as DATA_OPTION documents. */
export function dataDirectory(value: string | undefined): string {
  return value ?? parseEnv().PATHFINDER_DATA;
}
