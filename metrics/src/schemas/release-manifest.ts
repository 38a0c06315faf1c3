import { z } from 'zod';

/** `manifest.json` of a data release: what it holds and where it came from. */
export const releaseManifestSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'release ids are letters, digits, dot, dash and underscore'),
  createdAt: z.iso.datetime(),
  synthetic: z.boolean(),
  dataAsAt: z.iso.date(),
  source: z.union([
    z.object({ kind: z.literal('synthetic'), seed: z.number().int(), scale: z.number().positive(), generator: z.string() }),
    z.object({ kind: z.literal('import'), format: z.string(), files: z.array(z.object({ name: z.string(), sha256: z.string() })) }),
  ]),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
  coverage: z.object({
    indicators: z.array(z.string()),
    firstPeriod: z.string().nullable(),
    lastPeriod: z.string().nullable(),
  }),
});

export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;
