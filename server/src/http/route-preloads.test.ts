import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesRoute, readRoutePreloads, routePreloadTags } from './route-preloads.ts';

const PRELOADS = [
  { path: '/', scripts: ['/assets/overview-page-a1.js'], styles: [] },
  { path: '/indicators/$id', scripts: ['/assets/indicator-page-b2.js', '/assets/chart-c3.js'], styles: ['/assets/indicator-page-d4.css'] },
  { path: '/campaigns/$id/sitrep', scripts: ['/assets/sitrep-e5.js'], styles: [] },
];

describe('route preloads', () => {
  it('matches a request path to its route, a $name standing for one segment', () => {
    expect(matchesRoute('/', '/')).toBe(true);
    expect(matchesRoute('/indicators/$id', '/indicators/imm-mmr1-24m')).toBe(true);
    expect(matchesRoute('/indicators/$id', '/indicators/imm-mmr1-24m/')).toBe(true);
    expect(matchesRoute('/indicators/$id', '/indicators')).toBe(false);
    expect(matchesRoute('/indicators/$id', '/indicators/a/b')).toBe(false);
    expect(matchesRoute('/campaigns/$id', '/campaigns/polio-2022/sitrep')).toBe(false);
    expect(matchesRoute('/campaigns/$id/sitrep', '/campaigns/polio-2022/sitrep')).toBe(true);
    expect(matchesRoute('/', '/glossary')).toBe(false);
  });

  it("writes the route's chunks as module preloads and its stylesheets as stylesheets, nothing for a path no route has", () => {
    expect(routePreloadTags(PRELOADS, '/indicators/imm-mmr1-24m')).toBe([
      '<link rel="modulepreload" crossorigin href="/assets/indicator-page-b2.js">',
      '<link rel="modulepreload" crossorigin href="/assets/chart-c3.js">',
      '<link rel="stylesheet" crossorigin href="/assets/indicator-page-d4.css">',
    ].join('\n'));
    expect(routePreloadTags(PRELOADS, '/campaigns/polio-2022/sitrep')).toBe('<link rel="modulepreload" crossorigin href="/assets/sitrep-e5.js">');
    expect(routePreloadTags(PRELOADS, '/no-such-page')).toBe('');
  });

  it('reads the build’s file, none from a build without one, and refuses a file that names anything but an asset', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'pf-preloads-'));
    try {
      expect(await readRoutePreloads(dist)).toEqual([]);
      await writeFile(path.join(dist, 'route-preloads.json'), JSON.stringify(PRELOADS));
      expect(await readRoutePreloads(dist)).toEqual(PRELOADS);
      await writeFile(path.join(dist, 'route-preloads.json'), JSON.stringify([{ path: '/', scripts: ['/assets/a.js"><script>alert(1)</script>'], styles: [] }]));
      await expect(readRoutePreloads(dist)).rejects.toThrow();
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
