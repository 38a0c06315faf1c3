import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  /** Header names in lower case, as the server sent them. */
  readonly headers: IncomingHttpHeaders;
  /** The bytes on the wire: still gzip-compressed when the server compressed them. */
  readonly body: Buffer;
}

/**
 * One request over a real socket with `node:http`, which (unlike fetch) neither adds
 * `Accept-Encoding` nor decompresses, so Content-Encoding and the bytes sent are what a client gets.
 */
export function rawRequest(url: string, options: { method?: 'GET' | 'HEAD' | 'POST' | 'DELETE'; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
