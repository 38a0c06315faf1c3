/** A one-line progress bar redrawn in place with a carriage return. */
export interface ProgressBar {
  update(fraction: number, label: string): void;
  done(): void;
}

const WIDTH = 30;

/** Draws a progress bar through `write` (stderr), redrawing only when the whole percent or the label changes. */
export function progressBar(write: (text: string) => void): ProgressBar {
  let last = '';
  let drawn = false;
  return {
    update(fraction, label) {
      const f = Math.min(1, Math.max(0, fraction));
      const filled = Math.round(f * WIDTH);
      const text = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% ${label}`;
      if (text === last) return;
      write(`\r${text}${' '.repeat(Math.max(0, last.length - text.length))}`);
      last = text;
      drawn = true;
    },
    done() {
      if (drawn) write('\n');
      drawn = false;
      last = '';
    },
  };
}
