import { optionSynopsis, orList, parseCommandArgs, UsageError, type CliIo, type OptionSpec, type OptionSpecs, type ParsedArgs, type PositionalSpec } from './cli-options.ts';
import { wrapText } from './wrap-text.ts';

/** How help and messages spell the program, as the README runs it. */
const PROGRAM = 'pnpm pathfinder';

/** Help printed as written after the options, such as import's formats. */
interface HelpSection {
  readonly title: string;
  readonly text: string;
}

/** A command that runs. Its options are declared once: parsing and --help both read them. */
export interface CliCommand<O extends OptionSpecs = OptionSpecs> {
  /** What it does, for its --help; its one-line summary is its parent's entry for it. */
  readonly description: string;
  readonly positionals?: PositionalSpec;
  readonly options: O;
  readonly sections?: readonly HelpSection[];
  /** The arguments after the command's words (`--seed 7`), each one complete; at least one. */
  readonly examples: readonly string[];
  run(args: ParsedArgs<O>, io: CliIo): Promise<number>;
}

/** A command made of subcommands (`release list`, `compute spc`), or the CLI itself. */
export interface CliGroup {
  readonly description: string;
  /** What the group calls its subcommands in help and messages: command, action, method. */
  readonly noun: string;
  readonly subcommands: Readonly<Record<string, CliEntry>>;
  /** Without them, help shows the first example of each subcommand that is not loaded lazily. */
  readonly examples?: readonly string[];
}

export type CliNode = CliCommand | CliGroup;

/** A subcommand as its group lists it: a one-line summary, and the node or a loader of it (so the group need not load it). */
export type CliEntry = { readonly summary: string } & ({ readonly node: CliNode } | { load(): Promise<CliNode> });

/** Declares a command, inferring the types of its parsed options from their declaration. */
export function defineCommand<const O extends OptionSpecs>(command: CliCommand<O>): CliCommand<O> {
  return command;
}

export function isGroup(node: CliNode): node is CliGroup {
  return 'subcommands' in node;
}

export function loadEntry(entry: CliEntry): Promise<CliNode> {
  return 'node' in entry ? Promise.resolve(entry.node) : entry.load();
}

/** The examples help shows for a node, as arguments after the node's own words. */
export function examplesOf(node: CliNode): readonly string[] {
  if (!isGroup(node)) return node.examples;
  return node.examples ?? Object.entries(node.subcommands).flatMap(([name, entry]) => ('node' in entry ? examplesOf(entry.node).slice(0, 1).map((e) => `${name} ${e}`.trimEnd()) : []));
}

/**
 * Runs `args` with a node reached by the words `path`: a group hands them to the subcommand named
 * first; a command prints its help for --help or -h anywhere before `--`, else parses and runs.
 * Bad usage prints the problem and where to find help on stderr and returns 2.
 */
export async function runNode(node: CliNode, path: readonly string[], args: readonly string[], io: CliIo): Promise<number> {
  try {
    if (isGroup(node)) return await runGroup(node, path, args, io);
    if (wantsHelp(args)) {
      io.out(helpText(node, path));
      return 0;
    }
    return await node.run(parseCommandArgs(commandName(path), node.options, node.positionals, [...args]), io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\nSee '${[PROGRAM, ...path, '--help'].join(' ')}'.\n`);
    return 2;
  }
}

async function runGroup(group: CliGroup, path: readonly string[], args: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  const names = Object.keys(group.subcommands);
  if (first === '--help' || first === '-h') {
    io.out(helpText(group, path));
    return 0;
  }
  if (first === undefined || first.startsWith('-')) {
    const needs = `${commandName(path)} needs ${/^[aeiou]/.test(group.noun) ? 'an' : 'a'} ${group.noun}: ${orList(names)}`;
    throw new UsageError(first === undefined ? needs : `${needs}, before any option (got ${first})`);
  }
  const entry = Object.hasOwn(group.subcommands, first) ? group.subcommands[first] : undefined;
  if (!entry) throw new UsageError(`unknown ${[...path, group.noun].join(' ')} ${JSON.stringify(first)}: expected ${orList(names)}`);
  return runNode(await loadEntry(entry), [...path, first], rest, io);
}

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

const commandName = (path: readonly string[]): string => (path.length > 0 ? path.join(' ') : 'pathfinder');

const HELP_OPTION = ['-h, --help', 'print this help'] as const;

/** The --help of a node: usage, description, subcommands or options with their defaults, sections, examples. */
function helpText(node: CliNode, path: readonly string[]): string {
  const parts = [`Usage: ${[PROGRAM, ...path, ...synopsis(node), '[options]'].join(' ')}`, wrapText(node.description, 0)];
  if (isGroup(node)) {
    const title = `${node.noun[0]!.toUpperCase()}${node.noun.slice(1)}s`;
    parts.push(`${title}:\n${table(Object.entries(node.subcommands).map(([name, entry]) => [name, entry.summary]))}`);
    parts.push(`Options:\n${table([HELP_OPTION])}`);
  } else {
    if (node.positionals) parts.push(`Arguments:\n${table([[positionalSynopsis(node.positionals), node.positionals.description]])}`);
    const rows: (readonly [string, string])[] = [];
    for (const [name, spec] of Object.entries(node.options)) rows.push([optionSynopsis(name, spec), `${spec.description}${defaultNote(spec)}`]);
    rows.push(HELP_OPTION);
    parts.push(`Options:\n${table(rows)}`);
    for (const section of node.sections ?? []) parts.push(`${section.title}:\n${section.text.replace(/\n+$/, '')}`);
  }
  parts.push(`Examples:\n${examplesOf(node).map((e) => `  ${[PROGRAM, ...path, e].filter((w) => w !== '').join(' ')}`).join('\n')}`);
  if (isGroup(node)) parts.push(`Run '${[PROGRAM, ...path, `<${node.noun}>`, '--help'].join(' ')}' for the options and examples of each.`);
  return `${parts.join('\n\n')}\n`;
}

function synopsis(node: CliNode): string[] {
  if (isGroup(node)) return [`<${node.noun}>`];
  const words = node.positionals ? [positionalSynopsis(node.positionals)] : [];
  for (const [name, spec] of Object.entries(node.options)) if ('required' in spec) words.push(optionSynopsis(name, spec));
  return words;
}

function positionalSynopsis({ name, min, max }: PositionalSpec): string {
  const words = `${name}${max > 1 ? '…' : ''}`;
  return min === 0 ? `[${words}]` : words;
}

function defaultNote(spec: OptionSpec): string {
  if (spec.type === 'boolean') return '';
  if ('required' in spec) return ' (required)';
  return ` (default: ${'default' in spec ? spec.default : spec.defaultText})`;
}

const MAX_LEFT = 30;

/** Two columns, the second wrapped under itself; a first cell too wide for the column gets a line of its own. */
function table(rows: readonly (readonly [string, string])[]): string {
  const column = Math.min(MAX_LEFT, Math.max(...rows.map(([left]) => left.length))) + 4;
  return rows
    .map(([left, right]) => {
      const text = wrapText(right, column);
      return left.length + 4 > column ? `  ${left}\n${' '.repeat(column)}${text}` : `  ${left.padEnd(column - 2)}${text}`;
    })
    .join('\n');
}
