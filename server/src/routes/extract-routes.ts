import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { extractFileParamSchema, extractQuerySchema } from '@pathfinder/metrics';
import { immunisationExtract } from '../services/immunisation-extract.ts';
import { apiRoute, forbidden, problem, routesApp } from './openapi-helpers.ts';
import { disclosedAs, serviceContext } from './respond.ts';

const PARQUET_MEDIA_TYPE = 'application/vnd.apache.parquet';

const extractRoute = apiRoute({
  method: 'get', path: '/extracts/{file}', tags: ['Extracts'],
  summary: 'Aggregated immunisation extracts as Parquet, for DuckDB-WASM in the browser: GET /extracts/{name}.parquet',
  description: [
    'immunisation-weekly.parquet: doses per practice × week (Monday) × vaccine × dose × deprivation quintile × ethnic group × sex; public callers get borough × month with one breakdown at a time (column breakdown: total, deprivation, ethnicity, sex) and disclosure control: 1–7 null, with complements (the smallest other counts, also null) so that no null can be worked out, or narrowed to 5 values or fewer, from the published counts; others rounded to 5. The City of London is counted within Hackney for the public.',
    'immunisation-population.parquet: children (denominators) per practice × year of birth × quintile × ethnic group × sex, or for public callers per borough × year of birth as above.',
    'immunisation-borough-monthly.parquet: the borough cube: doses per borough × month × vaccine × dose, one breakdown at a time (total, deprivation, ethnicity); for public callers cut from the public immunisation-weekly (the same cells and counts, less sex). immunisation-borough-monthly-cross.parquet: its deprivation quintile × ethnic group rows (breakdown deprivation-ethnicity), for tokens only. immunisation-borough-population.parquet: children per borough × year of birth, one breakdown at a time (tokens also get deprivation-ethnicity; the public’s is cut from its immunisation-population).',
    'ics tokens get their ICB’s practices and boroughs, region and admin tokens every practice and borough, both with exact counts. borough=CODE keeps one borough’s rows (ics: boroughs of its ICB only, others 403). Headers X-Release-Id, X-Synthetic-Data and X-Disclosure say where the numbers come from.',
  ].join('\n\n'),
  request: { params: extractFileParamSchema, query: extractQuerySchema },
  responses: {
    200: { description: 'The Parquet file (zstd)', content: { [PARQUET_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    403: forbidden('this borough (an ics token asking for another ICB’s borough)'),
    404: problem('Unknown extract (extract_not_found) or borough (area_not_found), or the release has no event data (no_event_data)'),
  },
}, { without: [422] });

export const extractRoutes = routesApp().openapi(extractRoute, async (c) => {
  const extract = await immunisationExtract(serviceContext(c), c.req.valid('param').file, { borough: c.req.valid('query').borough ?? null });
  const manifest = c.var.release.manifest;
  const body = Readable.toWeb(createReadStream(extract.path)) as ReadableStream<Uint8Array>;
  return c.body(body, 200, {
    'Content-Type': PARQUET_MEDIA_TYPE,
    'Content-Length': String(extract.bytes),
    'Content-Disposition': `attachment; filename="${extract.name}.parquet"`,
    'X-Release-Id': manifest.id,
    'X-Synthetic-Data': manifest.synthetic ? 'yes' : 'no',
    'X-Disclosure': disclosedAs(manifest, extract.disclosure),
  });
});
