import { existsSync } from 'node:fs';
import { ICBS } from '@pathfinder/metrics';
import { ROLES } from '../auth/caller.ts';
import { issueToken } from '../auth/issue-token.ts';
import { localTokenSecret } from '../auth/local-token-secret.ts';
import { parseEnv } from '../env.ts';
import { defineCommand } from './cli-command.ts';
import { UsageError } from './cli-options.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';
import { parseDuration } from './parse-duration.ts';

const MAX_TTL_SECONDS = 30 * 86_400;

/** `pnpm pathfinder token`: a local token for a role (and ICB) that the server started on the same data directory accepts. */
export const tokenCommand = defineCommand({
  description:
    "Signs a bearer token (HS256) with the server's secret (PATHFINDER_TOKEN_SECRET, else the data directory's token-secret, created on first use) and prints it on stdout; what it is for goes to stderr. Run it with pnpm --silent so that only the token reaches stdout. Roles and scopes are described in SECURITY.md.",
  options: {
    role: { type: 'string', choices: ROLES, required: true, description: 'what the caller may see' },
    icb: {
      type: 'string',
      arg: 'CODE',
      defaultText: 'none; --role ics needs one',
      description: `ONS code of the caller's London ICB, for --role ics only: ${ICBS.map((i) => `${i.code} ${i.name}`).join(', ')}`,
    },
    ttl: { type: 'string', arg: 'DURATION', default: '1h', description: 'lifetime: a whole number followed by s, m, h or d, at most 30d' },
    subject: { type: 'string', arg: 'NAME', defaultText: 'local-<role>', description: 'who the token is for, as the audit log records it' },
    data: DATA_OPTION,
  },
  examples: ['--role admin', `--role ics --icb ${ICBS[0]!.code} --ttl 30m --subject analyst-1`, '--role public --ttl 7d --data demo-data'],
  async run({ values }, io) {
    const role = values.role;
    if (role === 'ics' && !values.icb) throw new UsageError(`--role ics needs --icb, the ONS code of a London ICB: ${ICBS.map((i) => i.code).join(', ')}`);
    if (role !== 'ics' && values.icb) throw new UsageError(`--icb is only for --role ics (a ${role} token is not tied to an ICB)`);
    if (values.icb && !ICBS.some((i) => i.code === values.icb)) throw new UsageError(`--icb must be the ONS code of a London ICB: ${ICBS.map((i) => `${i.code} (${i.name})`).join(', ')} (got ${JSON.stringify(values.icb)})`);
    const ttlSeconds = parseDuration(values.ttl, 'ttl', MAX_TTL_SECONDS);

    const env = parseEnv();
    const dataDir = dataDirectory(values.data);
    if (!env.PATHFINDER_TOKEN_SECRET && !existsSync(dataDir)) throw new UsageError(`data directory ${dataDir} does not exist: pass --data DIR of the server, or set PATHFINDER_TOKEN_SECRET`);
    const secret = await localTokenSecret(env, dataDir);
    if (!secret) throw new UsageError('this server verifies OIDC tokens only (PATHFINDER_JWKS is set): set PATHFINDER_TOKEN_SECRET as well to issue local tokens');
    const token = await issueToken(secret, { role, ...(values.icb ? { icb: values.icb } : {}), ...(values.subject ? { subject: values.subject } : {}), ttlSeconds });
    io.out(`${token}\n`);
    io.err(`${role} token${values.icb ? ` for ${values.icb}` : ''}, valid until ${new Date(Date.now() + ttlSeconds * 1000).toISOString()}\n`);
    return 0;
  },
});
