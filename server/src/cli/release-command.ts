import { parseArgs } from 'node:util';
import { ReleaseStore } from '@pathfinder/fixtures';
import { parseEnv } from '../env.ts';
import { UsageError, type CliIo } from './cli-options.ts';
import { textTable } from './text-table.ts';

export const RELEASE_USAGE = `Usage: pnpm pathfinder release list [--data DIR]
       pnpm pathfinder release activate ID [--data DIR]

  list       every release of the data directory, newest first; * marks the current one
  activate   make release ID current (a running server switches to it within seconds)
`;

/** `pnpm pathfinder release list|activate ID`: lists the releases of a data directory or switches the current one. */
export async function releaseCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(RELEASE_USAGE);
    return 0;
  }
  const [action, ...rest] = positionals;
  const store = new ReleaseStore(values.data ?? parseEnv().PATHFINDER_DATA);
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError(`release list takes no arguments (got ${rest.join(' ')})`);
    return listReleases(store, io);
  }
  if (action === 'activate') {
    if (rest.length !== 1) throw new UsageError('release activate needs one release ID (see pnpm pathfinder release list)');
    return activateRelease(store, rest[0]!, io);
  }
  throw new UsageError(action ? `unknown release action ${JSON.stringify(action)}: expected list or activate` : `release needs an action: list or activate\n\n${RELEASE_USAGE}`);
}

async function listReleases(store: ReleaseStore, io: CliIo): Promise<number> {
  const [releases, current] = await Promise.all([store.list(), store.currentId()]);
  if (releases.length === 0) {
    io.out(`no releases in ${store.dataDir}: run pnpm pathfinder generate or pnpm pathfinder import\n`);
    return 0;
  }
  const rows = releases.map((m) => [
    m.id === current ? '*' : '',
    m.id,
    m.createdAt.replace('T', ' ').slice(0, 16),
    m.synthetic ? 'yes' : 'no',
    (m.files.find((f) => f.path === 'observations.parquet')?.rows ?? 0).toLocaleString('en-GB'),
  ]);
  io.out(textTable(['current', 'id', 'created (UTC)', 'synthetic', 'rows'], rows));
  return 0;
}

async function activateRelease(store: ReleaseStore, id: string, io: CliIo): Promise<number> {
  const known = (await store.list()).map((m) => m.id);
  if (!known.includes(id)) {
    io.err(`unknown release ${JSON.stringify(id)} in ${store.dataDir}; ${known.length > 0 ? `releases: ${known.join(', ')}` : 'there are no releases'}\n`);
    return 2;
  }
  if ((await store.currentId()) === id) {
    io.out(`release ${id} is already current in ${store.dataDir}\n`);
    return 0;
  }
  await store.activate(id);
  io.out(`release ${id} is now current in ${store.dataDir}\n`);
  return 0;
}
