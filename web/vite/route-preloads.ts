import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Each route of a route tree's source and the view module it loads lazily
 * (`createRoute({ … path: '/indicators/$id', … import('../views/indicator-page.tsx') })`), the
 * module's path resolved against the source's folder: read from the source, as the router's own
 * objects hold no module path.
 * @example routeModules(source, '/app/src/routing') // [{ path: '/', module: '/app/src/views/overview-page.tsx' }, …]
 */
export function routeModules(source: string, dir: string): { path: string; module: string }[] {
  return source.split(/\bcreateRoute\(/).slice(1).flatMap((block) => {
    const route = /\bpath:\s*'([^']+)'/.exec(block)?.[1];
    const module = /\bimport\('([^']+)'\)/.exec(block)?.[1];
    return route && module ? [{ path: route, module: path.posix.join(dir, module) }] : [];
  });
}

/**
 * Writes `route-preloads.json` beside index.html: for each route of `routeTree` (a source file),
 * the URL paths of the JavaScript chunks and stylesheets its view needs beyond what index.html
 * already loads. The server writes them into the page it answers for that route
 * (server/src/http/route-preloads.ts), so the view's code downloads beside the entry instead of
 * after the entry has run and the router has asked for it (one round trip and the entry's
 * download and start-up off the first paint of every view).
 */
export function routePreloads(routeTree: string): Plugin {
  return {
    name: 'pathfinder-route-preloads',
    apply: 'build',
    // After Vite's CSS plugin has removed the chunks that only held CSS (and their imports).
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const file = path.resolve(routeTree);
      const routes = routeModules(await readFile(file, 'utf8'), path.dirname(file).split(path.sep).join('/'));
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      /**
       * The chunks a chunk needs (itself and what it imports statically, transitively) and their
       * stylesheets in the order Vite's loader adds them: a chunk's after those of its imports.
       */
      const needs = (fileName: string, found = { scripts: new Set<string>(), styles: new Set<string>() }) => {
        if (found.scripts.has(fileName)) return found;
        found.scripts.add(fileName);
        const chunk = byName.get(fileName);
        for (const imported of chunk?.imports ?? []) needs(imported, found);
        for (const style of chunk?.viteMetadata?.importedCss ?? []) found.styles.add(style);
        return found;
      };
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) throw new Error('route preloads: the build has no entry chunk');
      const loaded = needs(entry.fileName);
      const preloads = routes.map(({ path: route, module }) => {
        const view = chunks.find((chunk) => chunk.facadeModuleId?.split(path.sep).join('/') === module);
        if (!view) throw new Error(`route preloads: no chunk for ${module} (route ${route})`);
        const { scripts, styles } = needs(view.fileName);
        const url = (names: Set<string>, have: Set<string>) => [...names].filter((name) => !have.has(name)).map((name) => `/${name}`);
        return { path: route, scripts: url(scripts, loaded.scripts), styles: url(styles, loaded.styles) };
      });
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: `${JSON.stringify(preloads, null, 1)}\n` });
    },
  };
}
