import { manifestDigestSchema } from '@pathfinder/metrics';
import { manifestSha256 } from '../services/manifest-digest.ts';
import { apiRoute, jsonAnswer, routesApp } from './openapi-helpers.ts';
import { releaseMeta } from './respond.ts';

const digestRoute = apiRoute({
  method: 'get', path: '/manifest-digest', tags: ['Releases'], summary: 'The SHA-256 of the release’s manifest',
  description: 'What a report names to pin the release it was made from: anyone with a copy of the release can hash its manifest.json and compare, and the manifest lists the SHA-256 of every other file.',
  responses: { 200: jsonAnswer(manifestDigestSchema, 'The release id and the SHA-256 of its manifest.json') },
});

export const manifestRoutes = routesApp().openapi(digestRoute, async (c) => c.json({ meta: releaseMeta(c), releaseId: c.var.release.manifest.id, sha256: await manifestSha256(c.var.release) }, 200));
