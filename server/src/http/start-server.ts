import { serve, type ServerType } from '@hono/node-server';

export interface RunningServer {
  readonly port: number;
  readonly server: ServerType;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once the socket is open. */
export function startServer(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info) => {
      resolve({
        port: info.port,
        server,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
