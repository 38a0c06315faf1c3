import { serveCommand } from './serve-command.ts';
import { generateCommand } from './generate-command.ts';
import { importCommand } from './import-command.ts';
import { releaseCommand } from './release-command.ts';
import { tokenCommand } from './token-command.ts';
import { computeCommand } from './compute/compute-command.ts';
import { UsageError, type CliIo } from './cli-options.ts';

const COMMANDS = {
  serve: { run: serveCommand, help: 'serve [--data DIR] [--port N]       serve the dashboard and API (PORT, PATHFINDER_DATA)' },
  generate: { run: generateCommand, help: 'generate [--seed N] [--scale S] [--data DIR] [--if-missing]\n                                         publish a synthetic London release' },
  import: { run: importCommand, help: 'import FILE… --format F [--data DIR] [--release-name NAME]\n                                         validate files (fingertips, tidy, events) and publish them as a release (import --help)' },
  release: { run: releaseCommand, help: 'release list|activate ID [--data DIR]\n                                         list the releases, or make one current' },
  token: { run: tokenCommand, help: 'token --role R [--icb CODE] [--ttl 1h] [--data DIR]\n                                         print a bearer token for a role (token --help)' },
  compute: { run: computeCommand, help: 'compute <method> --in IN.csv --out OUT.csv [options]\n                                         statistics over a CSV: proportion, rate, dsr, spc, funnel, trend (compute --help)' },
} as const;

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
  const command = COMMANDS[name as keyof typeof COMMANDS];
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
