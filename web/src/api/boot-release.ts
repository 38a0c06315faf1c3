import { z } from 'zod';

const bootReleaseSchema = z.object({ id: z.string(), kind: z.enum(['published', 'synthetic', 'imported']), synthetic: z.boolean(), dataAsAt: z.string() });

/** The release the server put in index.html (meta tag), so the header needs no request to draw; null in development. */
export const bootRelease: z.infer<typeof bootReleaseSchema> | null = (() => {
  const content = document.querySelector('meta[name="pathfinder-release"]')?.getAttribute('content');
  if (!content) return null;
  try {
    return bootReleaseSchema.parse(JSON.parse(content));
  } catch {
    return null;
  }
})();
