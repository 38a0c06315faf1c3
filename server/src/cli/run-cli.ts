import { UsageError, type CliIo } from './cli-options.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * The CLI is where the packages meet: `serve` and `token` are the server's; `generate`, `import`,
 * `release` and `compute` drive the release writer and importers in fixtures. Each command's module
 * loads only when it runs, so the running server never loads fixtures (the architecture's arrows).
 */
const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: async (args, io) => (await import('./serve-command.ts')).serveCommand(args, io), help: 'serve [--data DIR] [--port N]       serve the dashboard and API (PORT, PATHFINDER_DATA)' },
  generate: { run: async (args, io) => (await import('./generate-command.ts')).generateCommand(args, io), help: 'generate [--seed N] [--scale S] [--data DIR] [--if-missing]\n                                         publish a synthetic London release' },
  import: { run: async (args, io) => (await import('./import-command.ts')).importCommand(args, io), help: 'import FILE… --format F [--data DIR] [--release-name NAME]\n                                         validate files (fingertips, tidy, events) and publish them as a release (import --help)' },
  release: { run: async (args, io) => (await import('./release-command.ts')).releaseCommand(args, io), help: 'release list|activate ID [--data DIR]\n                                         list the releases, or make one current' },
  token: { run: async (args, io) => (await import('./token-command.ts')).tokenCommand(args, io), help: 'token --role R [--icb CODE] [--ttl 1h] [--data DIR]\n                                         print a bearer token for a role (token --help)' },
  compute: { run: async (args, io) => (await import('./compute/compute-command.ts')).computeCommand(args, io), help: 'compute <method> --in IN.csv --out OUT.csv [options]\n                                         statistics over a CSV: proportion, rate, dsr, spc, funnel, trend (compute --help)' },
};

export const USAGE = `Usage: pnpm pathfinder <command> [options]

Commands:
${Object.values(COMMANDS).map((c) => `  ${c.help}`).join('\n')}
`;

/** Runs one CLI command; returns the exit code (0 ok, 1 failure, 2 bad usage or invalid input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
