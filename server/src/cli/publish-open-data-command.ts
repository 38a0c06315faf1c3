import { ReleaseStore, buildPublishedRelease } from '@pathfinder/fixtures';
import { defineCommand } from './cli-command.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';

/** `pnpm pathfinder publish-open-data`: builds the published release from the open data shipped with the project. */
export const publishOpenDataCommand = defineCommand({
  description:
    "Builds the published release (published-<id>) from the open data shipped with the project (fixtures/data/published, with its PROVENANCE.md: UKHSA's quarterly COVER vaccination figures for London, QOF hypertension and asthma prevalence, PHE cervical screening coverage) into the data directory. Its counts are served as published (disclosure policy published-open-data, see SECURITY.md). The same files always give the same release id and bytes: when that release is already there, nothing is done. It becomes current only when the data directory has no current release; otherwise switch with release activate.",
  options: { data: DATA_OPTION },
  examples: ['', '--data demo-data'],
  async run({ values }, io) {
    const dataDir = dataDirectory(values.data);
    const store = new ReleaseStore(dataDir);
    const activate = (await store.currentId()) === null;
    const started = performance.now();
    const { manifest, existed } = await buildPublishedRelease(dataDir, { activate });
    if (existed) {
      io.out(`published release ${manifest.id} is already in ${dataDir}; nothing to build\n`);
      return 0;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rows = manifest.files.map((f) => `  ${f.path}: ${f.rows.toLocaleString('en-GB')} rows, ${(f.bytes / 1024).toFixed(0)} KiB`).join('\n');
    const current = activate ? 'it is now the current release' : `the current release is unchanged (pnpm pathfinder release activate ${manifest.id} to switch)`;
    io.out(`published release ${manifest.id} built in ${dataDir} (${seconds} s); ${current}\n${rows}\n`);
    return 0;
  },
});
