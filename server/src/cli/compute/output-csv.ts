import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { csvLine } from '@pathfinder/metrics';
import { UsageError } from '../cli-options.ts';

type Field = string | number | null;

const FLUSH_AT = 1 << 16;

/**
 * The `--out` CSV, written to a temporary file beside it and renamed into place by `commit`, so a failed
 * run leaves no output (and an existing file untouched). Numbers are written as `String(x)` (shortest
 * round-trip), null as an empty field.
 */
export class OutputCsv {
  private buffer = '';

  private constructor(
    readonly file: string,
    private readonly partial: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string): Promise<OutputCsv> {
    const partial = `${file}.${process.pid}.partial`;
    try {
      return new OutputCsv(file, partial, await open(partial, 'wx'));
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EEXIST') throw new UsageError(`--out ${file}: cannot write there (${code})`);
      throw error;
    }
  }

  async write(fields: readonly Field[]): Promise<void> {
    this.buffer += csvLine(fields);
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(this.partial, this.file);
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.partial, { force: true });
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = '';
    await this.handle.write(text);
  }
}
