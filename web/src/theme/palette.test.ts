import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NHS_COLOURS } from './palette.ts';

const nhsukPalette = readFileSync(createRequire(import.meta.url).resolve('nhsuk-frontend/dist/nhsuk/core/settings/_colours-palette.scss'), 'utf8');

/** nhsuk-frontend's palette as a map of name to hex, read from its `$nhsuk-colours` SCSS map. */
const nhsukColours = new Map([...nhsukPalette.matchAll(/"([a-z0-9-]+)":\s*(#[0-9a-f]{6})/gi)].map(([, name, hex]) => [name!, hex!.toLowerCase()]));

describe('NHS_COLOURS', () => {
  it('reads the palette of nhsuk-frontend', () => {
    expect(nhsukColours.get('blue')).toBe('#005eb8');
  });

  it.each(Object.entries(NHS_COLOURS))('%s is the colour of that name in nhsuk-frontend, which the CSS draws with', (name, hex) => {
    expect(nhsukColours.get(name.replace(/(\d)$/, '-$1'))).toBe(hex);
  });
});
