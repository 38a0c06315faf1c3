// The browser tests drive the same Chromium the server renders PDFs with: one place knows how to start it.
export { CHROMIUM_ARGS, chromiumBinary, launchChromium } from '@pathfinder/server/pdf';
