import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loopbackPdfPrinter, startServer, webAssets } from '@pathfinder/server';
import { openTestRelease } from '../support/test-release.ts';
import { chromiumBinary } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    regionToken: string;
    nelToken: string;
    publishedReleaseId: string;
  }
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Serves the built web app and API on a free port over a fresh synthetic release (current) and the published one for the browser tests. */
export default async function setup(project: TestProject) {
  await chromiumBinary();
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error('web/dist is missing: run `pnpm build` before the browser tests (`pnpm test` does it)');
  const release = await openTestRelease({ scale: 0.1, published: true });
  // The sitrep's PDF is printed against the same app, so the page's answers are checked against the document too.
  const printer = loopbackPdfPrinter((request, bindings) => app.request(request, undefined, bindings));
  const app = release.app({ webAssets: webAssets(WEB_DIST), pdfPrinter: printer });
  // Through app.request, so every answer the browser gets is checked against the OpenAPI document too (release.dispose fails on any it does not declare).
  const server = await startServer((request, bindings) => app.request(request, undefined, bindings), 0, '127.0.0.1');
  project.provide('baseUrl', `http://127.0.0.1:${server.port}`);
  project.provide('regionToken', await release.token('region'));
  project.provide('nelToken', await release.token('ics', 'E54000029'));
  project.provide('publishedReleaseId', release.published!.id);
  return async () => {
    await server.close();
    await printer.close();
    await release.dispose();
  };
}
