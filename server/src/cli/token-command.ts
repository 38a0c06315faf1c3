import { existsSync } from 'node:fs';
import { ICBS } from '@pathfinder/metrics';
import { ROLES, type Role } from '../auth/caller.ts';
import { issueToken } from '../auth/issue-token.ts';
import { localTokenSecret } from '../auth/local-token-secret.ts';
import { parseEnv } from '../env.ts';
import { parseOptions, UsageError, type CliIo } from './cli-options.ts';
import { parseDuration } from './parse-duration.ts';

/** `pnpm pathfinder token --help`. */
export const TOKEN_USAGE = `Usage: pnpm --silent pathfinder token --role ROLE [--icb CODE] [--ttl 1h] [--subject NAME] [--data DIR]

Signs a bearer token (HS256) with the server's secret — PATHFINDER_TOKEN_SECRET, else the
data directory's token-secret, created on first use — and prints it on stdout.

  --role      ${ROLES.join(', ')}
  --icb       ONS code of the caller's London ICB, for --role ics only:
              ${ICBS.map((i) => `${i.code} (${i.name})`).join(',\n              ')}
  --ttl       lifetime, like 30m, 1h or 7d (default 1h, at most 30d)
  --subject   who the token is for, as the audit log records it (default local-<role>)
  --data      data directory (default: PATHFINDER_DATA, else .data)
`;

const MAX_TTL_SECONDS = 30 * 86_400;

/** `pnpm pathfinder token`: a local token for a role (and ICB) that the server started on the same data directory accepts. */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, { role: { type: 'string' }, icb: { type: 'string' }, ttl: { type: 'string' }, subject: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.out(TOKEN_USAGE);
    return 0;
  }
  if (!values.role) throw new UsageError(`token needs --role (one of ${ROLES.join(', ')})`);
  if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got ${JSON.stringify(values.role)})`);
  const role = values.role as Role;
  if (role === 'ics' && !values.icb) throw new UsageError(`--role ics needs --icb, the ONS code of a London ICB: ${ICBS.map((i) => i.code).join(', ')}`);
  if (role !== 'ics' && values.icb) throw new UsageError(`--icb is only for --role ics (a ${role} token is not tied to an ICB)`);
  if (values.icb && !ICBS.some((i) => i.code === values.icb)) throw new UsageError(`--icb must be the ONS code of a London ICB: ${ICBS.map((i) => `${i.code} (${i.name})`).join(', ')} (got ${JSON.stringify(values.icb)})`);
  const ttlSeconds = parseDuration(values.ttl ?? '1h', 'ttl', MAX_TTL_SECONDS);

  const env = parseEnv();
  const dataDir = values.data ?? env.PATHFINDER_DATA;
  if (!env.PATHFINDER_TOKEN_SECRET && !existsSync(dataDir)) throw new UsageError(`data directory ${dataDir} does not exist: pass --data DIR of the server, or set PATHFINDER_TOKEN_SECRET`);
  const secret = await localTokenSecret(env, dataDir);
  if (!secret) throw new UsageError('this server verifies OIDC tokens only (PATHFINDER_JWKS is set): set PATHFINDER_TOKEN_SECRET as well to issue local tokens');
  const token = await issueToken(secret, { role, ...(values.icb ? { icb: values.icb } : {}), ...(values.subject ? { subject: values.subject } : {}), ttlSeconds });
  io.out(`${token}\n`);
  io.err(`${role} token${values.icb ? ` for ${values.icb}` : ''}, valid until ${new Date(Date.now() + ttlSeconds * 1000).toISOString()}\n`);
  return 0;
}
