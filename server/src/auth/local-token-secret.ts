import { randomBytes } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Name of the secret file in the data directory. */
export const TOKEN_SECRET_FILE = 'token-secret';
const MIN_SECRET_LENGTH = 32;

/**
 * The HS256 secret of the embedded server and of `pathfinder token`: PATHFINDER_TOKEN_SECRET when
 * set; none when only PATHFINDER_JWKS is set (OIDC tokens only); otherwise `<data dir>/token-secret`,
 * created with 48 random bytes and mode 0600 the first time either asks.
 */
export async function localTokenSecret(env: { PATHFINDER_TOKEN_SECRET?: string | undefined; PATHFINDER_JWKS?: string | undefined }, dataDir: string): Promise<string | null> {
  if (env.PATHFINDER_TOKEN_SECRET) return env.PATHFINDER_TOKEN_SECRET;
  if (env.PATHFINDER_JWKS) return null;
  return secretFile(path.join(dataDir, TOKEN_SECRET_FILE));
}

async function secretFile(file: string): Promise<string> {
  const existing = await readSecret(file);
  if (existing !== null) return existing;
  // Written under a temporary name and linked into place, so a server and a `pathfinder token`
  // starting together agree on one secret and never read a half-written file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  return (await readSecret(file))!;
}

async function readSecret(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const mode = (await stat(file)).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) throw new Error(`${file} can be read by other users (mode ${mode.toString(8)}): run chmod 600 ${file}`);
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters: delete it and a new one is created`);
  return secret;
}
