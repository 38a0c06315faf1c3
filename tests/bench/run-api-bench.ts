import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiBench } from './api-bench.ts';
import { table } from './figures.ts';
import { generatorBench } from './generator-bench.ts';

/** `pnpm bench:api`: the API figures alone (two scale-1 releases, cached and uncached), into bench-api-results.json. */
// Only the two releases the API figures need: no generator figures, so no scale-4 London.
const generated = await generatorBench({ rounds: 2, largeScale: false });
const figures = await apiBench(generated.data.dataDir, generated.data.releaseIds);
writeFileSync(path.resolve(import.meta.dirname, '../../bench-api-results.json'), `${JSON.stringify({ createdAt: new Date().toISOString(), figures }, null, 2)}\n`);
console.log(table(figures));
