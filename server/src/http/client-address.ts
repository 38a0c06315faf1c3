import type { Context } from 'hono';

/**
 * The address of the peer that opened the connection (the reverse proxy, if there is one).
 * X-Forwarded-For is not read: any client can set it. In-process requests have no socket.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress ?? 'in-process';
}
