let context: CanvasRenderingContext2D | null | undefined;

/** Width in pixels of `text` in a CSS `font`, measured on a 2D canvas (no layout, no WebGL). */
export function textWidth(text: string, font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('cannot measure label text: this browser gives no 2D canvas context');
  context.font = font;
  return context.measureText(text).width;
}
