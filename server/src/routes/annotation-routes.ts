import { annotationBodySchema, annotationIdParam, annotationListSchema, annotationSchema, annotationsQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { createAnnotation, deleteAnnotation, listAnnotations } from '../services/annotations.ts';
import { AnnotationStore } from '../user-data/annotation-store.ts';
import type { UserDataFile } from '../user-data/user-data-file.ts';
import { apiRoute, forbidden, jsonAnswer, problem, routesApp } from './openapi-helpers.ts';
import { serviceContext } from './respond.ts';

const UNAVAILABLE = problem('The answer took longer than the server’s deadline (query_timeout), or this server has no user-data file (user_data_unavailable: another server on the data directory holds it)');
const SCOPE = 'Written by ics tokens on their own ICB’s areas (the ICB, its boroughs, PCNs and practices) and by region and admin tokens on any; read by the same, and by anyone where marked public (on areas the caller may see). Kept in the data directory, not in a release: the same notes whatever release is shown.';

const listRoute = apiRoute({
  method: 'get', path: '/annotations', tags: ['Annotations'], summary: 'Dated notes on an area × indicator that the caller may read',
  description: SCOPE,
  request: { query: annotationsQuerySchema },
  responses: {
    200: jsonAnswer(annotationListSchema, 'The notes, oldest date first'),
    403: forbidden('this area'),
    404: problem('Unknown area, or one hidden from the caller (area_not_found), or no indicator or campaign with this id (indicator_not_found)'),
    503: UNAVAILABLE,
  },
}, { release: false });

const createRouteDecl = apiRoute({
  method: 'post', path: '/annotations', tags: ['Annotations'], summary: 'Write a dated note on an area × indicator',
  description: `${SCOPE} The write is in the data directory’s file when 201 is answered, and is recorded in the audit log.`,
  request: { body: { required: true, content: { 'application/json': { schema: annotationBodySchema } } } },
  responses: {
    201: jsonAnswer(annotationSchema, 'The note as stored'),
    400: problem('A field of the body is missing, invalid or unknown (invalid_parameter, naming it)'),
    401: problem('No token, or not a valid one: the public cannot write (token_required, invalid_token)'),
    403: problem('The token’s role or ICB does not reach this area (forbidden_area)'),
    404: problem('Unknown area, or one hidden from the caller (area_not_found), or no indicator or campaign with this id (indicator_not_found)'),
    503: UNAVAILABLE,
  },
}, { release: false });

const deleteRoute = apiRoute({
  method: 'delete', path: '/annotations/{id}', tags: ['Annotations'], summary: 'Delete a note',
  description: 'By an ics token of the note’s area’s ICB, or a region or admin token. Recorded in the audit log.',
  request: { params: annotationIdParam },
  responses: {
    204: { description: 'Deleted' },
    401: problem('No token, or not a valid one (token_required, invalid_token)'),
    403: problem('The caller may read the note but not delete it: another ICB’s area (forbidden_area)'),
    404: problem('No note with this id that the caller may read (annotation_not_found)'),
    503: UNAVAILABLE,
  },
}, { release: false });

const unavailable = () => new ApiError(503, 'user_data_unavailable', 'this server has no user-data file: another server on the data directory holds it');

/** `GET`, `POST /annotations` and `DELETE /annotations/{id}`, over the user-data file (none: 503). */
export function annotationRoutes(userData: UserDataFile | null) {
  const store = userData ? new AnnotationStore(userData) : null;
  const opened = () => {
    if (!store) throw unavailable();
    return store;
  };
  return routesApp()
    .openapi(listRoute, async (c) => {
      const annotations = await listAnnotations(serviceContext(c), opened(), c.req.valid('query'));
      // Notes change with every write and depend on the token: never kept by a cache.
      return c.json({ annotations }, 200, { 'Cache-Control': 'no-store', Vary: 'Authorization' });
    })
    .openapi(createRouteDecl, async (c) => {
      const annotation = await createAnnotation(serviceContext(c), opened(), c.req.valid('json'), new Date());
      c.set('auditWrite', { action: 'annotation.create', id: annotation.id, area: annotation.areaCode });
      return c.json(annotation, 201, { Location: `/api/v1/annotations?indicator=${encodeURIComponent(annotation.indicatorId)}&area=${encodeURIComponent(annotation.areaCode)}` });
    })
    .openapi(deleteRoute, async (c) => {
      const deleted = await deleteAnnotation(serviceContext(c), opened(), c.req.valid('param').id);
      c.set('auditWrite', { action: 'annotation.delete', id: deleted.id, area: deleted.area_code });
      return c.body(null, 204);
    });
}
