import { describe, expect, it } from 'vitest';
import { BENCHMARK_COMPARISONS } from '@pathfinder/metrics';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from './comparison-colours.ts';
import { SEQUENTIAL_BLUES, VALUE_CLASS_COUNT } from './colour-scale.ts';
import { mapMark, type MapDatum } from '../maps/map-datum.ts';
import { ASSURANCE_TEXT, VARIATION_TEXT } from '../components/spc-summary.tsx';
import { SEVERITY_STYLE } from '../attention/severity-style.ts';
import { CURRENT_STYLE, CURVE_STYLE, TARGET_STYLE, TRAJECTORY_STYLE } from '../charts/uptake-curve-styles.ts';

/*
 * Colour-vision deficiency simulation: Machado, Oliveira and Fernandes (2009), "A physiologically-based
 * model for simulation of color vision deficiency", IEEE TVCG 15(6), the matrices for severity 1.0
 * (dichromacy), applied to linear RGB.
 */
const MACHADO_1_0 = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
} as const;

type Rgb = readonly [number, number, number];
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const parse = (colour: string | Rgb): Rgb => (typeof colour === 'string' ? ([1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as unknown as Rgb) : colour);

function simulate(colour: string | Rgb, matrix: readonly (readonly number[])[]): Rgb {
  const linear = parse(colour).map((c) => toLinear(c / 255));
  return matrix.map((row) => 255 * toSrgb(Math.min(1, Math.max(0, row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!)))) as unknown as Rgb;
}

function toLab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map((c) => toLinear(c / 255)) as unknown as Rgb;
  // sRGB to XYZ (D65), then CIELAB relative to D65 white.
  const xyz = [0.4124564 * r + 0.3575761 * g + 0.1804375 * b, 0.2126729 * r + 0.7151522 * g + 0.072175 * b, 0.0193339 * r + 0.119192 * g + 0.9503041 * b];
  const white = [0.95047, 1, 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map((v, i) => f(v / white[i]!)) as unknown as Rgb;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu and Dalal 2005, with kL = kC = kH = 1). */
function ciede2000Lab([L1, a1, b1]: Rgb, [L2, a2, b2]: Rgb): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1), C2 = Math.hypot(a2, b2);
  const Cbar = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1, a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1), C2p = Math.hypot(a2p, b2);
  const hp = (x: number, y: number) => (x === 0 && y === 0 ? 0 : (Math.atan2(y, x) / rad + 360) % 360);
  const h1p = hp(a1p, b1), h2p = hp(a2p, b2);
  const dLp = L2 - L1, dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) dhp = Math.abs(h2p - h1p) <= 180 ? h2p - h1p : h2p - h1p > 180 ? h2p - h1p - 360 : h2p - h1p + 360;
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lbp = (L1 + L2) / 2, Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) hbp = Math.abs(h1p - h2p) <= 180 ? (h1p + h2p) / 2 : h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  const T = 1 - 0.17 * Math.cos((hbp - 30) * rad) + 0.24 * Math.cos(2 * hbp * rad) + 0.32 * Math.cos((3 * hbp + 6) * rad) - 0.2 * Math.cos((4 * hbp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const Sc = 1 + 0.045 * Cbp, Sh = 1 + 0.015 * Cbp * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

const ciede2000 = (a: Rgb, b: Rgb) => ciede2000Lab(toLab(a), toLab(b));

/**
 * Where two categories differ by colour alone, their simulated colours must be at least this far
 * apart (CIEDE2000). About 2 is just noticeable between large patches side by side; marks as small as
 * a chart line or a map area read apart only at several times that (Szafir 2018, "Modeling color
 * difference for visualization design", IEEE TVCG 24(1)), so 10 leaves a clear margin.
 */
const MIN_DELTA_E = 10;

/** A category: its colour and what else tells it apart (symbol, shape, letter, dash, line width). */
interface Category {
  readonly name: string;
  readonly colour: string | Rgb;
  readonly cue: string;
}

/** Pairs told apart by colour alone that merge under a simulated dichromacy, as "a / b (ΔE)". */
function merging(categories: readonly Category[]): string[] {
  const failures: string[] = [];
  for (const [deficiency, matrix] of Object.entries(MACHADO_1_0)) {
    for (const [i, a] of categories.entries()) {
      for (const b of categories.slice(i + 1)) {
        if (a.cue !== b.cue) continue;
        const delta = ciede2000(simulate(a.colour, matrix), simulate(b.colour, matrix));
        if (delta < MIN_DELTA_E) failures.push(`${deficiency}: ${a.name} / ${b.name} (ΔE ${delta.toFixed(1)})`);
      }
    }
  }
  return failures;
}

const datum = (overrides: Partial<MapDatum>): MapDatum => ({ value: 50, lower95: null, upper95: null, comparison: 'similar', suppressed: false, label: 'Area', ...overrides });

describe('colour-blindness simulation (Machado et al. 2009, severity 1.0)', () => {
  it('simulates with the published matrices: pure red and green merge for a deuteranope, white stays white', () => {
    const red = simulate('#ff0000', MACHADO_1_0.deuteranopia), green = simulate('#00ff00', MACHADO_1_0.deuteranopia);
    expect(ciede2000(simulate('#ffffff', MACHADO_1_0.deuteranopia), [255, 255, 255])).toBeLessThan(0.5);
    expect(ciede2000(red, green)).toBeLessThan(ciede2000([255, 0, 0], [0, 255, 0]) / 3);
  });

  it.each([
    // Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes, supplementary test data", pairs 1, 7 and 17.
    { pair: 1, lab1: [50, 2.6772, -79.7751], lab2: [50, 0, -82.7485], expected: 2.0425 },
    { pair: 7, lab1: [50, 0, 0], lab2: [50, -1, 2], expected: 2.3669 },
    { pair: 17, lab1: [50, 2.5, 0], lab2: [73, 25, -18], expected: 27.1492 },
  ] as const)('computes CIEDE2000 as Sharma, Wu and Dalal’s test pair $pair', ({ lab1, lab2, expected }) => {
    expect(ciede2000Lab(lab1, lab2)).toBeCloseTo(expected, 4);
  });

  it('comparison categories (overview, bars, maps) each have their own symbol, the one the maps draw', () => {
    const categories = [...BENCHMARK_COMPARISONS.map((c) => ({ name: c, colour: COMPARISON_STYLE[c].fill, cue: COMPARISON_STYLE[c].symbol })), { name: 'suppressed', colour: SUPPRESSED_STYLE.fill, cue: SUPPRESSED_STYLE.symbol }];
    expect(merging(categories)).toEqual([]);
    for (const c of BENCHMARK_COMPARISONS) expect(mapMark(datum({ comparison: c }), 'comparison', [])).toEqual({ kind: 'symbol', text: COMPARISON_STYLE[c].symbol });
    expect(mapMark(datum({ suppressed: true }), 'comparison', [])).toEqual({ kind: 'symbol', text: SUPPRESSED_STYLE.symbol });
  });

  it('map value classes each have their own number of bars, on the map and in its key', () => {
    const breaks = [10, 20, 30, 40];
    const marks = [5, 15, 25, 35, 45].map((value) => mapMark(datum({ value }), 'value', breaks));
    expect(marks).toEqual(Array.from({ length: VALUE_CLASS_COUNT }, (_, i) => ({ kind: 'steps', count: i + 1 })));
    const categories = SEQUENTIAL_BLUES.map((rgb, i) => ({ name: `class ${i + 1}`, colour: rgb, cue: `${i + 1} bars` }));
    expect(merging(categories)).toEqual([]);
  });

  it('SPC variation and assurance icons each have their own letter or arrow', () => {
    const icons = [...Object.entries(VARIATION_TEXT), ...Object.entries(ASSURANCE_TEXT)].map(([name, s]) => ({ name, colour: s.colour, cue: s.letter }));
    expect(merging(icons)).toEqual([]);
  });

  it('attention severities each have their own icon shape', () => {
    expect(merging(Object.entries(SEVERITY_STYLE).map(([name, s]) => ({ name, colour: s.colour, cue: s.shape })))).toEqual([]);
  });

  it('campaign uptake curves differ by dash or by at least 1 px of width, or else by colour a dichromat still sees', () => {
    const lines = [
      ...Object.entries(CURVE_STYLE).map(([name, s]) => ({ name, colour: s.stroke, dash: 'solid', width: s.width })),
      { name: 'trajectory', colour: TRAJECTORY_STYLE.stroke, dash: TRAJECTORY_STYLE.dash, width: TRAJECTORY_STYLE.width },
      { name: 'target', colour: TARGET_STYLE.stroke, dash: TARGET_STYLE.dash, width: TARGET_STYLE.width },
      { name: 'current date', colour: CURRENT_STYLE.stroke, dash: CURRENT_STYLE.dash, width: CURRENT_STYLE.width },
    ];
    // Widths within 1 px of each other read as the same weight: colour is then the only cue.
    const sameWeight = (a: (typeof lines)[number], b: (typeof lines)[number]) => a.dash === b.dash && Math.abs(a.width - b.width) < 1;
    const failures = lines.flatMap((a, i) => lines.slice(i + 1).filter((b) => sameWeight(a, b)).flatMap((b) => merging([{ name: a.name, colour: a.colour, cue: 'same' }, { name: b.name, colour: b.colour, cue: 'same' }])));
    expect(failures).toEqual([]);
  });
});
