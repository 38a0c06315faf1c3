import { attentionListSchema, attentionQuerySchema } from '@pathfinder/metrics';
import { attentionList } from '../services/attention/attention-list.ts';
import { apiRoute, forbidden, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { answer, serviceContext } from './respond.ts';

const attentionRoute = apiRoute({
  method: 'get', path: '/attention', tags: ['Attention'],
  summary: 'What needs attention in the caller’s areas: a status per area × indicator at its latest period, most urgent first',
  description:
    'Each status combines the comparison with London (England for London) at 95% and 99.8%, the Fingertips recent trend, SPC variation (which rule fired, and whether it is new this period), assurance against the target, target RAG and data notes, and derives a severity from rules declared as data. Scoped by the token: an ics token its ICB, its boroughs, PCNs and practices; region London and every level; the public London, the ICBs and the boroughs, computed from the public table alone. Ranked by severity, then people affected (the denominator), then area and indicator. Without area= and severity=, ok statuses are left out.',
  request: { query: attentionQuerySchema },
  responses: {
    200: jsonOrCsv(attentionListSchema, 'Attention items, most urgent first'),
    403: forbidden('this area or level'),
    404: problem('Unknown area or parent (area_not_found)'),
  },
});

export const attentionRoutes = routesApp().openapi(attentionRoute, async (c) => {
  const { format, ...query } = c.req.valid('query');
  const result = await attentionList(serviceContext(c), query, c.req.query('release') ?? null);
  return answer(c, format, result, (body) => ({
    name: 'attention',
    rows: body.items.map(({ signals, benchmark, sparkline: _, ...item }) => ({
      ...item,
      signals: signals.map((s) => s.rule).join('; '),
      benchmarkLabel: benchmark?.label ?? null,
      benchmarkValue: benchmark?.value ?? null,
      comparison: benchmark?.comparison ?? null,
    })),
  }));
});
