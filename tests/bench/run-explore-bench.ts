import { parseArgs } from 'node:util';
import { exploreBench } from './explore-bench.ts';
import { table } from './figures.ts';

/**
 * `pnpm --filter @pathfinder/tests bench:explore --data DIR [--port N]`: the Explore figures of
 * `pnpm bench` alone, over a data directory with a release (`pnpm pathfinder generate --scale 1`),
 * on ports N to N+2 (default 18790). Needs `pnpm build` first.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string', default: '18790' } } });
if (!values.data) throw new Error('--data is required: a data directory with a release (pnpm pathfinder generate --scale 1 --data DIR)');
const port = Number(values.port);
if (!(Number.isInteger(port) && port > 0 && port < 65534)) throw new Error(`--port must be a port number (got ${values.port})`);
console.log(table(await exploreBench(values.data, { port })));
