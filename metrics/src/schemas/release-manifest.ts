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
  /** How the public's answers are protected: the release's public table and what disclosure control hid in it. */
  disclosure: z
    .object({
      policy: z.literal('suppress-1-7-round-5-complementary'),
      publicTable: z.string(),
      hiddenPrimary: z.number().int().nonnegative(),
      hiddenComplementary: z.number().int().nonnegative(),
    })
    .optional(),
  coverage: z.object({
    indicators: z.array(z.string()),
    firstPeriod: z.string().nullable(),
    lastPeriod: z.string().nullable(),
  }),
});

export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;

/**
 * How a data directory holds its releases: `releases/<id>/manifest.json` beside the Parquet files,
 * and `current`, a one-line file naming the active release. The writer (fixtures) and the reader
 * (server) share this, not code.
 */
export const RELEASE_LAYOUT = {
  releasesFolder: 'releases',
  currentPointer: 'current',
  manifestFile: 'manifest.json',
  /** Exact counts of every indicator × area × period × breakdown. */
  observations: 'observations.parquet',
  /** The public table: the observations after disclosure control (ARCHITECTURE.md "the public table"). */
  publicTable: 'public-observations.parquet',
  areas: 'areas.parquet',
  /** Event-level data, in releases that have it. */
  children: 'events/children.parquet',
  doses: 'events/doses.parquet',
} as const;

/** The text of a `current` pointer as a release id, or null when it names none. */
export function parseCurrentPointer(text: string): string | null {
  const id = text.trim();
  return id.length > 0 ? id : null;
}

/** Validates the text of release `id`'s manifest; the error names the release and the first problem. */
export function parseReleaseManifest(id: string, text: string): ReleaseManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`release ${id}: ${RELEASE_LAYOUT.manifestFile} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = releaseManifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`release ${id}: invalid ${RELEASE_LAYOUT.manifestFile}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
