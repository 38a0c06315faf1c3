import { runNode, type CliGroup } from './cli-command.ts';
import type { CliIo } from './cli-options.ts';

/**
 * The CLI is where the packages meet: `serve`, `token` and `report` are the server's; `generate`,
 * `publish-open-data`, `import`, `release` and `compute` drive the release writer and importers in
 * fixtures. Each command's module loads only when it runs or prints its help, so the running server
 * never loads fixtures (the architecture's arrows) and `pathfinder --help` loads none of them.
 */
export const CLI: CliGroup = {
  description:
    "Pathfinder Monitor's command line: published, synthetic and imported data releases, the server, tokens and batch statistics. 'help <command>' is the same as '<command> --help'.",
  noun: 'command',
  subcommands: {
    serve: { summary: 'serve the dashboard and API on one port', load: async () => (await import('./serve-command.ts')).serveCommand },
    generate: { summary: 'publish a synthetic London release', load: async () => (await import('./generate-command.ts')).generateCommand },
    'publish-open-data': { summary: 'build the published release from the open data shipped with the project', load: async () => (await import('./publish-open-data-command.ts')).publishOpenDataCommand },
    import: { summary: 'validate files (fingertips, tidy, events) and publish them as a release', load: async () => (await import('./import-command.ts')).importCommand },
    release: { summary: 'list the releases, or make one current', load: async () => (await import('./release-command.ts')).releaseCommand },
    token: { summary: 'print a bearer token for a role', load: async () => (await import('./token-command.ts')).tokenCommand },
    report: { summary: 'write a report as a PDF: the campaign situation report (sitrep)', load: async () => (await import('./report-command.ts')).reportCommand },
    compute: { summary: "the dashboard's statistics over a CSV file, one method at a time", load: async () => (await import('./compute/compute-command.ts')).computeCommand },
  },
  examples: ['generate --scale 0.1', 'serve --port 8080', 'import cover.csv --format tidy', 'compute proportion --in cover.csv --out cover_pct.csv', 'report campaign polio-ipv-2022 --as-of 2022-10-13 --out sitrep.pdf'],
};

/** Runs one CLI command; returns the exit code (0 ok, 1 failure, 2 bad usage or invalid input). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = argv[0] === 'help' ? [...argv.slice(1), '--help'] : argv;
  try {
    return await runNode(CLI, [], args, io);
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
