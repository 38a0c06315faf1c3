import type { AppType } from './app.ts';

/**
 * The one contract between server and web: the type of the app's routes. The web builds its typed
 * client from it with Hono's `hc<AppType>` and imports no server code (type imports are erased).
 */
export type { AppType };
