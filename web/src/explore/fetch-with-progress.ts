import { parseProblem } from '../api/api-problem.ts';

/** Problem details of a refused request, as the API sends them (RFC 9457). */
async function problemText(res: Response): Promise<string> {
  try {
    const problem = parseProblem(await res.json());
    return problem?.detail ?? problem?.title ?? res.statusText;
  } catch {
    return res.statusText;
  }
}

/**
 * GETs a file as bytes, reporting bytes received (and the total from Content-Length) as they
 * arrive; throws with the API's problem detail on a non-2xx answer.
 */
export async function fetchWithProgress(url: string, headers: Record<string, string>, onProgress: (loaded: number, total: number | null) => void): Promise<{ bytes: Uint8Array; headers: Headers }> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await problemText(res)}`);
  const total = Number(res.headers.get('Content-Length')) || null;
  if (!res.body) throw new Error(`${url} answered with no body`);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, headers: res.headers };
}
