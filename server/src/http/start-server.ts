import { Server } from 'node:http';
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { answerClientErrors } from './client-errors.ts';

export interface RunningServer {
  readonly port: number;
  readonly server: ServerType;
  /**
   * Stops accepting connections, closes idle keep-alive ones, and waits for requests in flight to
   * finish; connections still busy after `graceMs` (default 10 s) are closed.
   */
  close(graceMs?: number): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once the socket is open; `fetch` gets each request and its Node request and response. */
export function startServer(fetch: (request: Request, bindings: HttpBindings | Http2Bindings) => Response | Promise<Response>, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    // @hono/node-server 1.x replaces the global Response with a "lightweight" one whose header
    // changes made after construction are dropped when it is read or re-wrapped (its
    // getResponseCache builds from the original init; honojs/node-server#304, fixed in 2.0.3 only).
    // Middleware sets ETag, Cache-Control, Vary and the security headers that way, so the server
    // keeps the standard Response, the one `app.request()` in tests uses.
    const server = serve({ fetch, port, hostname, overrideGlobalObjects: false }, (info) => {
      resolve({
        port: info.port,
        server,
        close: (graceMs = 10_000) =>
          new Promise<void>((done, fail) => {
            const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), graceMs);
            // A keep-alive connection whose request finishes during shutdown would otherwise idle until its timeout.
            const closeIdle = () => 'closeIdleConnections' in server && server.closeIdleConnections();
            const sweep = setInterval(closeIdle, 50);
            server.close((error) => {
              clearTimeout(force);
              clearInterval(sweep);
              if (error) fail(error);
              else done();
            });
            closeIdle();
          }),
      });
    });
    // serve() makes a node:http server unless given another createServer; only that one has a header parser of its own.
    if (server instanceof Server) answerClientErrors(server);
    server.once('error', reject);
  });
}
