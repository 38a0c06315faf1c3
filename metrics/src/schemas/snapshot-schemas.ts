import { z } from 'zod';
import { RELEASE_ID_PATTERN } from './release-manifest.ts';

/** A snapshot's id: 10 letters and digits (random, `randomId`), the tail of `/s/{id}`. */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9]{10}$/;

/** Longest view (path and search) a snapshot keeps: a view's URL is a few hundred characters. */
export const SNAPSHOT_VIEW_MAX = 1000;

export const snapshotBodySchema = z.strictObject({
  view: z.string().min(1).max(SNAPSHOT_VIEW_MAX).describe('the dashboard path and search the link opens, e.g. /indicators/imm-mmr1-24m?area=E09000012'),
  release: z.string().max(100).regex(RELEASE_ID_PATTERN, 'a release id: letters, digits, dot, dash and underscore').describe('the release the view showed (GET /api/v1/releases)'),
});

export const snapshotCreatedSchema = z.object({ id: z.string().describe('the short id: the link is /s/{id}') });

export const snapshotSchema = z.object({
  id: z.string(),
  view: z.string().describe('the dashboard path and search, with release= pinned to the release it showed'),
  release: z.string(),
  createdAt: z.string().describe('ISO date-time, UTC'),
});

export const snapshotIdParam = z.object({ id: z.string().regex(SNAPSHOT_ID_PATTERN, 'a snapshot id: 10 letters and digits') });

export type SnapshotBody = z.infer<typeof snapshotBodySchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
