import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import { startServer } from '../http/start-server.ts';
import type { PrintedPage } from './print-page.ts';

/** One of the dashboard's print pages, to print as the caller sees it. */
export interface PrintRequest {
  /** Path and search of the page, from the origin on: `/campaigns/polio-ipv-2022/sitrep?asOf=…`. */
  readonly path: string;
  /** The caller's bearer token, which the page sends as the dashboard does; null prints the public page. */
  readonly token: string | null;
  /** Printed at the foot of every page, before the page number. */
  readonly footer: string;
}

export interface PdfPrinter {
  print(request: PrintRequest): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Chromium cannot start here, or the page cannot be loaded: the server answers 503. */
export class PrinterUnavailableError extends Error {
  override readonly name = 'PrinterUnavailableError';
}

/** The page would not load or draw (it says why): the server answers 503, naming the reason. */
export class PageNotPrintedError extends Error {
  override readonly name = 'PageNotPrintedError';
}

/** More reports are waiting than the printer queues: the server answers 503 with Retry-After. */
export class PrinterBusyError extends Error {
  override readonly name = 'PrinterBusyError';
}

type Fetch = (request: Request, bindings: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/** Reports that may wait behind the one printing; more are refused rather than queued for minutes. */
const MAX_WAITING = 4;
/** The browser and the loopback server are closed after this long without a report (Chromium holds ~150 MB). */
const IDLE_MS = 60_000;

interface Session {
  readonly printed: PrintedPage;
  close(): Promise<void>;
}

/**
 * Prints the dashboard's print pages to PDF in headless Chromium, against this very app served on
 * a loopback port (so the page reads the API as the caller would, and nothing else is reachable).
 * One report prints at a time: a second Chromium page would double the memory and the time of
 * both on a small machine. The browser and the port open with the first report, and close after a
 * minute without one. Playwright and Chromium are loaded only then: a server nobody asks for a PDF
 * never loads them.
 */
export function loopbackPdfPrinter(fetch: Fetch, options: { idleMs?: number } = {}): PdfPrinter {
  let session: Promise<Session> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const open = async (): Promise<Session> => {
    const { launchPrintedPage } = await import('./print-page.ts');
    const server = await startServer(fetch, 0, '127.0.0.1');
    try {
      const printed = await launchPrintedPage(`http://127.0.0.1:${server.port}`);
      return { printed, close: async () => { await printed.close(); await server.close(1_000); } };
    } catch (error) {
      await server.close(1_000);
      throw new PrinterUnavailableError(`Chromium cannot start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  const closeSession = async () => {
    const closing = session;
    session = null;
    await (await closing?.catch(() => null))?.close();
  };

  return {
    print(request) {
      if (waiting >= MAX_WAITING) return Promise.reject(new PrinterBusyError(`${waiting} reports are waiting to print: try again in a minute`));
      waiting += 1;
      const run = queue.then(async () => {
        waiting -= 1;
        clearTimeout(idle);
        try {
          session ??= open();
          const current = await session.catch((error: unknown) => {
            session = null;
            throw error;
          });
          return await current.printed.print(request);
        } finally {
          idle = setTimeout(() => void closeSession(), options.idleMs ?? IDLE_MS);
          idle.unref();
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      clearTimeout(idle);
      await queue;
      await closeSession();
    },
  };
}
