import { fetchWithProgress } from './fetch-with-progress.ts';
import { reportProgress } from './load-progress.ts';

/** An extract as downloaded: its bytes and the disclosure control the server says it applied. */
export interface ExtractBytes {
  readonly bytes: Uint8Array;
  /** `none` (exact counts) or `suppressed-and-rounded` (public). */
  readonly disclosure: string;
}

/**
 * GETs `/api/v1/extracts/<file>` (with the tab's token when there is one, and `borough` when given),
 * reporting the bytes received to `onProgress` (default: Explore's loading indicator).
 */
export async function fetchExtract(file: string, token: string | null, options: { borough?: string; onProgress?: (loaded: number, total: number | null) => void } = {}): Promise<ExtractBytes> {
  const url = `/api/v1/extracts/${file}${options.borough ? `?borough=${encodeURIComponent(options.borough)}` : ''}`;
  const onProgress = options.onProgress ?? ((loaded, total) => reportProgress({ step: 'download', label: `Downloading ${file}`, loaded, total }));
  const { bytes, headers } = await fetchWithProgress(url, token ? { Authorization: `Bearer ${token}` } : {}, onProgress);
  const disclosure = headers.get('X-Disclosure');
  if (!disclosure) throw new Error(`${url} did not say which disclosure control it applied (no X-Disclosure header)`);
  return { bytes, disclosure };
}
