import { CHART_COLOURS } from '../theme/palette.ts';
import { downloadBlob, slug } from './download.ts';

export interface ExportCaption {
  readonly title: string;
  readonly source: string;
  readonly dataAsAt: string;
  readonly synthetic: boolean;
  /** The release's sources with licence and attribution, one line each. */
  readonly credits: readonly string[];
}

const FONT = 'Arial, Helvetica, sans-serif';
const HEADER = 48;
const FOOTER_LINE = 18;
const footerHeight = (caption: ExportCaption) => 26 + FOOTER_LINE * (1 + caption.credits.length);

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The chart inside `container` as a standalone SVG with title above and source, data-as-at and each
 * source's licence and attribution below (a PNG passed on carries its credits):
 * recharts charts are SVG already; a canvas (the deck.gl map) is embedded as an image.
 */
function chartSvg(container: HTMLElement, caption: ExportCaption): { svg: string; width: number; height: number } {
  const svgEl = container.querySelector('svg.recharts-surface, svg[data-export]') as SVGSVGElement | null;
  const canvas = container.querySelector('canvas');
  const box = (svgEl ?? canvas ?? container).getBoundingClientRect();
  const width = Math.max(320, Math.round(box.width));
  const height = Math.round(box.height);
  let body = '';
  if (svgEl) {
    const clone = svgEl.cloneNode(true) as SVGSVGElement;
    clone.removeAttribute('class');
    body = `<g transform="translate(0 ${HEADER})">${new XMLSerializer().serializeToString(clone)}</g>`;
  } else if (canvas) {
    body = `<image x="0" y="${HEADER}" width="${width}" height="${height}" href="${canvas.toDataURL('image/png')}"/>`;
  }
  const notes = [`Source: ${caption.source}. Data as at ${caption.dataAsAt}.${caption.synthetic ? ' Synthetic data, not real NHS figures.' : ''}`, ...caption.credits];
  const footer = footerHeight(caption);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + HEADER + footer}" viewBox="0 0 ${width} ${height + HEADER + footer}" font-family="${FONT}">
<rect width="100%" height="100%" fill="${CHART_COLOURS.background}"/>
<text x="8" y="30" font-size="18" font-weight="700" fill="${CHART_COLOURS.ink}">${escapeXml(caption.title)}</text>
${body}
${notes.map((note, i) => `<text x="8" y="${height + HEADER + 28 + i * FOOTER_LINE}" font-size="12" fill="${CHART_COLOURS.muted}">${escapeXml(note)}</text>`).join('\n')}
</svg>`;
  return { svg, width, height: height + HEADER + footer };
}

/** Downloads the chart as SVG or PNG (PNG drawn from the SVG at 2× for sharp print). */
export async function exportChart(container: HTMLElement, caption: ExportCaption, format: 'svg' | 'png'): Promise<void> {
  await untilDrawn(container);
  const { svg, width, height } = chartSvg(container, caption);
  const name = `${slug(caption.title)}.${format}`;
  if (format === 'svg') return downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), name);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
    downloadBlob(blob, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** How long an export waits for a chart still loading or not yet drawn before it exports what there is. */
const DRAW_WAIT_MS = 5000;

/**
 * A chart may still be its placeholder (`lazyChart`: its code loading, or drawn only near the
 * viewport, and a keyboard user can reach the export button first): bring it into view and wait
 * until it has drawn.
 */
async function untilDrawn(container: HTMLElement): Promise<void> {
  if (!container.querySelector('.chart-placeholder')) return;
  container.scrollIntoView({ block: 'nearest' });
  const started = performance.now();
  while (container.querySelector('.chart-placeholder') && performance.now() - started < DRAW_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
