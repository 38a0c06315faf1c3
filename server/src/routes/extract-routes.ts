import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { extractFileParamSchema } from '@pathfinder/metrics';
import { immunisationExtract } from '../services/immunisation-extract.ts';
import { COMMON_ERRORS, problem, routesApp } from './openapi-helpers.ts';
import { serviceContext } from './respond.ts';

export const PARQUET_MEDIA_TYPE = 'application/vnd.apache.parquet';

const extractRoute = createRoute({
  method: 'get', path: '/extracts/{file}', tags: ['Extracts'],
  summary: 'Aggregated immunisation extracts as Parquet, for DuckDB-WASM in the browser: GET /extracts/{name}.parquet',
  description: [
    'immunisation-weekly.parquet: doses per practice × week (Monday) × vaccine × dose × deprivation quintile × ethnic group × sex; public callers get borough × month with one breakdown at a time (column breakdown: total, deprivation, ethnicity, sex) and disclosure control (1–7 null, others rounded to 5).',
    'immunisation-population.parquet: children (denominators) per practice × year of birth × quintile × ethnic group × sex, or for public callers per borough × year of birth as above.',
    'ics tokens get their ICB’s practices, region and admin tokens every practice, both with exact counts. Headers X-Release-Id, X-Synthetic-Data and X-Disclosure say where the numbers come from.',
  ].join('\n\n'),
  request: { params: extractFileParamSchema },
  responses: {
    200: { description: 'The Parquet file (zstd)', content: { [PARQUET_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...COMMON_ERRORS,
    404: problem('Unknown extract, or the release has no event data (code no_event_data)'),
  },
});

export const extractRoutes = routesApp().openapi(extractRoute, async (c) => {
  const extract = await immunisationExtract(serviceContext(c), c.req.valid('param').file);
  const manifest = c.var.release.manifest;
  const body = Readable.toWeb(createReadStream(extract.path)) as ReadableStream<Uint8Array>;
  return c.body(body, 200, {
    'Content-Type': PARQUET_MEDIA_TYPE,
    'Content-Length': String(extract.bytes),
    'Content-Disposition': `attachment; filename="${extract.name}.parquet"`,
    'X-Release-Id': manifest.id,
    'X-Synthetic-Data': manifest.synthetic ? 'yes' : 'no',
    'X-Disclosure': extract.disclosure,
  }) as never;
});
