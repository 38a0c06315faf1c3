import { describe, expect, it } from 'vitest';
import { examplesOf, isGroup, loadEntry, type CliNode } from './cli-command.ts';
import { parseCommandArgs } from './cli-options.ts';
import { CLI, runCli } from './run-cli.ts';
import { captureIo } from '../../test/cli-io.ts';
import { runPathfinder } from '../../../tests/support/cli-process.ts';

interface Reached {
  /** The words after `pathfinder`, as the test names show them. */
  readonly name: string;
  readonly path: readonly string[];
  readonly node: CliNode;
}

/** Every command and group of the CLI's declaration with the words that reach it, the CLI itself first. */
async function everyNode(node: CliNode, path: readonly string[] = []): Promise<Reached[]> {
  const found: Reached[] = [{ name: ['pathfinder', ...path].join(' '), path, node }];
  if (isGroup(node)) for (const [word, entry] of Object.entries(node.subcommands)) found.push(...(await everyNode(await loadEntry(entry), [...path, word])));
  return found;
}

const NODES = await everyNode(CLI);

/** The command an example line runs, reached through the groups its first words name, and the rest of its words. */
async function exampleTarget(node: CliNode, words: readonly string[]): Promise<{ node: CliNode; args: string[] }> {
  let at = node;
  let args = [...words];
  while (isGroup(at)) {
    const [word, ...rest] = args;
    const entry = word !== undefined && Object.hasOwn(at.subcommands, word) ? at.subcommands[word] : undefined;
    if (!entry) throw new Error(`the example names no ${at.noun} of the group (got ${JSON.stringify(word)})`);
    at = await loadEntry(entry);
    args = rest;
  }
  return { node: at, args };
}

describe('pathfinder --help, declared once for every command', () => {
  it('reaches every command and subcommand from the declaration', () => {
    expect(NODES.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'pathfinder', 'pathfinder serve', 'pathfinder generate', 'pathfinder publish-open-data', 'pathfinder import', 'pathfinder release', 'pathfinder release list',
        'pathfinder release activate', 'pathfinder token', 'pathfinder compute', 'pathfinder compute proportion', 'pathfinder compute rate',
        'pathfinder compute dsr', 'pathfinder compute spc', 'pathfinder compute funnel', 'pathfinder compute trend',
      ]),
    );
  });

  it.each(NODES)('$name --help and -h print usage, every option with its default, and an example, exit 0', async ({ path, node }) => {
    for (const flag of ['--help', '-h']) {
      const io = captureIo();
      expect(await runCli([...path, flag], io), io.stderr).toBe(0);
      expect(io.stderr).toBe('');
      expect(io.stdout).toMatch(new RegExp(`^Usage: pnpm pathfinder ${path.map((w) => `${w} `).join('')}`));
      const lines = io.stdout.split('\n');
      if (isGroup(node)) {
        for (const word of Object.keys(node.subcommands)) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${word}  `)));
      } else {
        for (const [name, spec] of Object.entries(node.options)) {
          expect(io.stdout, `--${name}`).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
          if (spec.type === 'string') {
            const note = 'required' in spec ? '(required)' : `(default: ${'default' in spec ? spec.default : spec.defaultText})`;
            expect(io.stdout.replace(/\s+/g, ' '), `--${name}`).toContain(note);
          }
        }
      }
      const examples = lines.slice(lines.indexOf('Examples:') + 1);
      expect(examples[0]).toMatch(new RegExp(`^  pnpm pathfinder ${path.join(' ')}`));
    }
  });

  it.each(NODES)('every example of $name parses with the options its command declares', async ({ node }) => {
    expect(examplesOf(node).length).toBeGreaterThan(0);
    for (const example of examplesOf(node)) {
      const { node: command, args } = await exampleTarget(node, example.split(' ').filter((w) => w !== ''));
      if (isGroup(command)) throw new Error(`${example} stops at a group`);
      expect(() => parseCommandArgs('example', command.options, command.positionals, args), example).not.toThrow();
    }
  });

  it.each(NODES)('$name refuses an unknown option with exit code 2 and a hint to use --help', async ({ path, node }) => {
    const io = captureIo();
    expect(await runCli([...path, '--no-such-option'], io)).toBe(2);
    expect(io.stderr).toContain(isGroup(node) ? `needs a${/^[aeiou]/.test(node.noun) ? 'n' : ''} ${node.noun}` : "Unknown option '--no-such-option'");
    expect(io.stderr).toContain('--no-such-option');
    expect(io.stderr).toContain(`See '${['pnpm pathfinder', ...path, '--help'].join(' ')}'.\n`);
    expect(io.stdout).toBe('');
  });

  it('prints the same for help <command> as for <command> --help', async () => {
    const viaHelp = captureIo();
    const viaFlag = captureIo();
    expect(await runCli(['help', 'release', 'activate'], viaHelp)).toBe(0);
    expect(await runCli(['release', 'activate', '--help'], viaFlag)).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    const all = captureIo();
    expect(await runCli(['help'], all)).toBe(0);
    expect(all.stdout).toMatch(/^Usage: pnpm pathfinder <command> \[options\]\n/);
  });

  it('prints help for --help among other arguments, but not after --', async () => {
    const io = captureIo();
    expect(await runCli(['generate', '--seed', 'x', '--colour', 'red', '--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: pnpm pathfinder generate \[options\]/);
    const positional = captureIo();
    expect(await runCli(['release', 'list', '--', '--help'], positional)).toBe(2);
    expect(positional.stdout).toBe('');
    expect(positional.stderr).toContain("Unexpected argument '--help'");
  });

  it('answers `node server/bin/pathfinder.mjs generate --help` as a user sees it: help on stdout, exit 0', async () => {
    const help = await runPathfinder(['generate', '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage: pnpm pathfinder generate \[options\]\n/);
    expect(help.stdout).toMatch(/^ {2}--seed N\s+.*\(default: 42\)$/m);
    expect(help.stdout).toMatch(/^Examples:\n {2}pnpm pathfinder generate/m);
    const refused = await runPathfinder(['generate', '--colour', 'red']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe("Unknown option '--colour'\nSee 'pnpm pathfinder generate --help'.\n");
  });
});
