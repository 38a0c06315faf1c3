import { ReleaseStore } from '@pathfinder/fixtures';
import { RELEASE_LAYOUT, ReleaseVerificationError, newestReleaseFirst } from '@pathfinder/metrics';
import { defineCommand, type CliGroup } from './cli-command.ts';
import type { CliIo } from './cli-options.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';
import { verificationRefusal } from './verification-refusal.ts';
import { textTable } from './text-table.ts';

const listCommand = defineCommand({
  description:
    'Lists every release of the data directory, newest first, with when it was created, whether it is synthetic and its observation rows; * marks the current one. A release whose manifest cannot be read is listed last, and the problem is written to stderr. Files are not checked here: release activate checks them.',
  options: { data: DATA_OPTION },
  examples: ['', '--data demo-data'],
  run: ({ values }, io) => listReleases(new ReleaseStore(dataDirectory(values.data)), io),
});

const activateCommand = defineCommand({
  description:
    'Makes release ID of the data directory current, once every file of it matches its manifest (size and SHA-256); a release that does not is refused with exit code 2, naming each bad file, and the current one stays. A running server on that directory switches to it within seconds; nothing is copied or deleted, so activating the previous release undoes it.',
  positionals: { name: 'ID', description: 'the release to make current, as release list shows it', min: 1, max: 1 },
  options: { data: DATA_OPTION },
  examples: ['fingertips-2025-01', 'import-tidy-0123456789ab --data demo-data'],
  run: ({ values, positionals }, io) => activateRelease(new ReleaseStore(dataDirectory(values.data)), positionals[0]!, io),
});

/** `pnpm pathfinder release list|activate ID`: lists the releases of a data directory or switches the current one. */
export const releaseCommand: CliGroup = {
  description: 'Lists the releases of a data directory, or makes one of them current.',
  noun: 'action',
  subcommands: {
    list: { summary: 'every release of the data directory, newest first; * marks the current one', node: listCommand },
    activate: { summary: 'make release ID current (a running server switches to it within seconds)', node: activateCommand },
  },
};

async function listReleases(store: ReleaseStore, io: CliIo): Promise<number> {
  const [ids, current] = await Promise.all([store.ids(), store.currentId()]);
  if (ids.length === 0) {
    io.out(`no releases in ${store.dataDir}: run pnpm pathfinder generate or pnpm pathfinder import\n`);
    return 0;
  }
  // A release whose manifest cannot be read is still listed (last), so an operator sees what is there.
  const read = await Promise.all(ids.map((id) => store.manifest(id).then((manifest) => ({ id, manifest }), (error: unknown) => ({ id, error: error instanceof Error ? error.message : String(error) }))));
  const releases = read.flatMap((r) => ('manifest' in r ? [r.manifest] : [])).sort(newestReleaseFirst);
  const unreadable = read.flatMap((r) => ('error' in r ? [r] : []));
  const rows = releases.map((m) => [
    m.id === current ? '*' : '',
    m.id,
    m.createdAt.replace('T', ' ').slice(0, 16),
    m.synthetic ? 'yes' : 'no',
    (m.files.find((f) => f.path === RELEASE_LAYOUT.observations)?.rows ?? 0).toLocaleString('en-GB'),
  ]);
  for (const r of unreadable) rows.push([r.id === current ? '*' : '', r.id, '-', '-', '-']);
  io.out(textTable(['current', 'id', 'created (UTC)', 'synthetic', 'rows'], rows));
  for (const r of unreadable) io.err(`${r.error}\n`);
  return 0;
}

async function activateRelease(store: ReleaseStore, id: string, io: CliIo): Promise<number> {
  const known = await store.ids();
  if (!known.includes(id)) {
    io.err(`unknown release ${JSON.stringify(id)} in ${store.dataDir}; ${known.length > 0 ? `releases: ${known.join(', ')}` : 'there are no releases'}\n`);
    return 2;
  }
  const current = await store.currentId();
  try {
    await store.activate(id);
  } catch (error) {
    if (!(error instanceof ReleaseVerificationError)) throw error;
    io.err(verificationRefusal(error, current));
    return 2;
  }
  io.out(current === id ? `release ${id} is already current in ${store.dataDir}\n` : `release ${id} is now current in ${store.dataDir}\n`);
  return 0;
}
