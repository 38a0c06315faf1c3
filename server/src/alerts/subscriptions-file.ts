import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { subscriptionsFileSchema, type Subscription } from '@pathfinder/metrics';

const SUBSCRIPTIONS_FILE = 'subscriptions.json';

/** subscriptions.json cannot be used: the message names each bad field. */
class SubscriptionsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionsFileError';
  }
}

/**
 * The subscriptions of `subscriptions.json` (its text), validated: every problem is reported, each
 * naming its field as a path, e.g. `subscriptions.json[2].webhook.secret: at least 16 characters`.
 */
export function parseSubscriptions(text: string): Subscription[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SubscriptionsFileError(`${SUBSCRIPTIONS_FILE}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = subscriptionsFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${SUBSCRIPTIONS_FILE}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`);
  throw new SubscriptionsFileError(problems.join('\n'));
}

/** The data directory's subscriptions; none when it has no subscriptions.json. */
export async function loadSubscriptions(dataDir: string): Promise<Subscription[]> {
  const file = path.join(dataDir, SUBSCRIPTIONS_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new SubscriptionsFileError(`${SUBSCRIPTIONS_FILE}: cannot be read (${error.message})`);
  });
  return text === null ? [] : parseSubscriptions(text);
}
