import { AREA_TYPES, sessionSchema } from '@pathfinder/metrics';
import { canSeeArea } from '../auth/caller.ts';
import { apiRoute, jsonAnswer, routesApp } from './openapi-helpers.ts';

const sessionRoute = apiRoute({
  method: 'get', path: '/session', tags: ['Access'], summary: 'The caller’s role and the area levels it may see',
  responses: { 200: jsonAnswer(sessionSchema, 'The caller as the API sees it (public without a token)') },
}, { release: false });

export const sessionRoutes = routesApp().openapi(sessionRoute, (c) => {
  const caller = c.var.caller;
  // A level is listed when the caller may see its areas in at least its own ICB.
  const areaTypes = AREA_TYPES.filter((type) => canSeeArea(caller, { type, icbCode: caller.icb, code: '' }));
  return c.json({ role: caller.role, icb: caller.icb, areaTypes }, 200);
});
