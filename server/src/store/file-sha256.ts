import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * SHA-256 of a file as lowercase hex, streamed in 1 MiB chunks: memory stays flat for a file of any
 * size, and the event loop serves requests between chunks while a new release is verified. (The
 * writer in fixtures has its own: the server does not link the writer.)
 */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
