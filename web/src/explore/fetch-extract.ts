import { fetchWithProgress } from './fetch-with-progress.ts';
import { reportProgress } from './load-progress.ts';

/** Whose extract: the release it comes from, and the tab's token (null: the public's). */
export interface ExtractSource {
  readonly release: string;
  readonly token: string | null;
}

/** An extract as downloaded: its bytes and the disclosure control the server says it applied. */
export interface ExtractBytes {
  readonly bytes: Uint8Array;
  /** `none` (exact counts) or `suppressed-and-rounded` (public). */
  readonly disclosure: string;
}

/**
 * GETs `/api/v1/extracts/<file>` of the source's release (with the tab's token when there is one, and `borough` when given),
 * reporting the bytes received to `onProgress` (default: Explore's loading indicator).
 */
export async function fetchExtract(file: string, { release, token }: ExtractSource, options: { borough?: string; onProgress?: (loaded: number, total: number | null) => void } = {}): Promise<ExtractBytes> {
  const query = new URLSearchParams({ release, ...(options.borough ? { borough: options.borough } : {}) });
  const url = `/api/v1/extracts/${file}?${query}`;
  const onProgress = options.onProgress ?? ((loaded, total) => reportProgress({ step: 'download', label: `Downloading ${file}`, loaded, total }));
  const { bytes, headers } = await fetchWithProgress(url, token ? { Authorization: `Bearer ${token}` } : {}, onProgress);
  const disclosure = headers.get('X-Disclosure');
  if (!disclosure) throw new Error(`${url} did not say which disclosure control it applied (no X-Disclosure header)`);
  return { bytes, disclosure };
}
