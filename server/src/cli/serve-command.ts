import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createApp } from '../app.ts';
import { parseEnv } from '../env.ts';
import { startServer } from '../http/start-server.ts';
import { webAssets } from '../http/web-assets.ts';
import { DuckDbStore } from '../store/duckdb-store.ts';
import { intOption, parseOptions, type CliIo } from './cli-options.ts';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const env = parseEnv();
  const values = parseOptions(args, { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  const dataDir = values.data ?? env.PATHFINDER_DATA;
  const port = intOption(values.port, 'port', env.PORT);
  const store = await DuckDbStore.open(dataDir);
  const hasWeb = existsSync(WEB_DIST);
  const app = createApp({
    store,
    ...(hasWeb ? { webAssets: webAssets(WEB_DIST) } : {}),
    ...(env.LOG_LEVEL === 'info' ? { log: (line) => io.out(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`) } : {}),
  });
  const running = await startServer(app.fetch, port, values.host ?? env.HOST);
  const release = store.current().manifest;
  io.out(`Pathfinder Monitor on http://localhost:${running.port} (release ${release.id}${release.synthetic ? ', synthetic data' : ''})\n`);
  if (!hasWeb) io.err('web app not built: run `pnpm build` to serve the dashboard; the API is up\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  await store.close();
  return 0;
}
