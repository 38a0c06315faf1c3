/**
 * A colour-blind-safe sequential palette (light to dark blue, ColorBrewer "Blues", 5 classes) for
 * values; the map and legend share it. Returns RGB triples for deck.gl.
 */
export const SEQUENTIAL_BLUES: readonly (readonly [number, number, number])[] = [
  [239, 243, 255],
  [189, 215, 231],
  [107, 174, 214],
  [49, 130, 189],
  [8, 81, 156],
];

/** How many value classes a map has (the palette's steps); each is marked by as many rising bars as its rank, besides its colour. */
export const VALUE_CLASS_COUNT = SEQUENTIAL_BLUES.length;

export const NO_DATA_RGB = [216, 221, 224] as const;

/** Equal-width class breaks between min and max (n classes → n − 1 inner breaks). */
export function equalBreaks(values: readonly (number | null)[], classes = SEQUENTIAL_BLUES.length): number[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return [];
  const min = Math.min(...present), max = Math.max(...present);
  return Array.from({ length: classes - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classes);
}

/** The class (0 … breaks.length) a value falls in; null for missing values. */
export function classOf(value: number | null, breaks: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let k = 0;
  while (k < breaks.length && value >= breaks[k]!) k++;
  return k;
}

/** RGB for a value, or the no-data grey. */
export function colourFor(value: number | null, breaks: readonly number[]): readonly [number, number, number] {
  const k = classOf(value, breaks);
  return k === null ? NO_DATA_RGB : SEQUENTIAL_BLUES[Math.min(k, SEQUENTIAL_BLUES.length - 1)]!;
}

const luminance = ([r, g, b]: readonly [number, number, number]) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const NHS_TEXT = [33, 43, 50] as const;
const WHITE = [255, 255, 255] as const;
const BLACK = [0, 0, 0] as const;

/**
 * Text colour on a background: the house dark grey or white, whichever contrasts more, or black
 * when neither reaches WCAG AA's 4.5:1 (mid tones such as the fourth blue); black or white always does.
 */
export function textColourOn(background: readonly [number, number, number]): readonly [number, number, number] {
  const best = contrastRatio(background, WHITE) > contrastRatio(background, NHS_TEXT) ? WHITE : NHS_TEXT;
  return contrastRatio(background, best) >= 4.5 ? best : BLACK;
}
