import { z } from 'zod';

/** What a release is: open data as its publisher released it, the synthetic London, or files a user imported. */
export const RELEASE_KINDS = ['published', 'synthetic', 'imported'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/**
 * How the public's answers are protected. `suppress-1-7-round-5-complementary`: counts of 1 to 7
 * hidden, the rest rounded to 5, and complementary cells hidden so no hidden count can be recovered.
 * `published-open-data`: the counts were already published by their owner under an open licence,
 * so they are served as published (no second suppression or rounding; SECURITY.md says why).
 */
export const DISCLOSURE_POLICIES = ['suppress-1-7-round-5-complementary', 'published-open-data'] as const;
export type DisclosurePolicy = (typeof DISCLOSURE_POLICIES)[number];

/** Ids are letters, digits, dot, dash and underscore, starting with a letter or digit. */
export const RELEASE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** One source of a release's figures: who published them, under which licence, and how to credit them. */
export const releaseSourceSchema = z.object({
  name: z.string().min(1),
  publisher: z.string().min(1),
  licence: z.string().min(1),
  licenceUrl: z.url().optional(),
  attribution: z.string().min(1),
  url: z.url().optional(),
  /** What this source contributes to the release (which indicators, areas, periods), in words. */
  contributes: z.string().optional(),
  /** The catalogue indicators this source gives figures for, so a chart credits only its own sources; absent: every indicator of the release. */
  indicators: z.array(z.string()).optional(),
});
export type ReleaseSource = z.infer<typeof releaseSourceSchema>;

const fileDigests = z.array(z.object({ name: z.string(), sha256: z.string() }));

export const releaseIdSchema = z.string().regex(RELEASE_ID_PATTERN, 'release ids are letters, digits, dot, dash and underscore');

/** `manifest.json` of a data release: what it holds and where it came from. */
const manifestObject = z.object({
  id: releaseIdSchema,
  kind: z.enum(RELEASE_KINDS),
  createdAt: z.iso.datetime(),
  synthetic: z.boolean(),
  dataAsAt: z.iso.date(),
  /** Who the figures come from, with licence and attribution: shown wherever they are. */
  sources: z.array(releaseSourceSchema),
  source: z.union([
    z.object({ kind: z.literal('synthetic'), seed: z.number().int(), scale: z.number().positive(), generator: z.string() }),
    z.object({ kind: z.literal('import'), format: z.string(), files: fileDigests }),
    /** Open data shipped with the project, read by the published-release builder. */
    z.object({ kind: z.literal('published'), builder: z.string(), files: fileDigests }),
  ]),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
  /** How the public's answers are protected: the release's public table and what disclosure control hid in it. */
  disclosure: z
    .object({
      policy: z.enum(DISCLOSURE_POLICIES),
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

/**
 * Manifests written before releases had a `kind` and `sources` (a data directory from an earlier
 * version) still open: the kind follows from how the release was made, and the sources are unknown.
 */
function withLegacyDefaults(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'kind' in raw) return raw;
  const source = (raw as { source?: { kind?: unknown } }).source;
  return { ...raw, kind: source?.kind === 'synthetic' ? 'synthetic' : 'imported', sources: (raw as { sources?: unknown }).sources ?? [] };
}

export const releaseManifestSchema = z.preprocess(withLegacyDefaults, manifestObject);

export type ReleaseManifest = z.output<typeof manifestObject>;

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
