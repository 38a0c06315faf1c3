import type { CliIo } from '../src/cli/cli-options.ts';

/** A CliIo that keeps what a command printed, for assertions. */
export function captureIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (s: string) => {
      io.stdout += s;
    },
    err: (s: string) => {
      io.stderr += s;
    },
  };
  return io;
}
