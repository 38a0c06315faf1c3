/** One benchmark figure as written to bench-results.json. */
export interface Figure {
  readonly name: string;
  /** Median over the runs. */
  readonly value: number;
  readonly p95: number;
  readonly unit: string;
  readonly runs: number;
  /** e.g. "≤ 2.0" or "< 3000"; null when the figure has no target. */
  readonly target: string | null;
  readonly pass: boolean | null;
  /** For ratios: what the value is a ratio of, and that baseline's median. */
  readonly baseline: { readonly name: string; readonly value: number; readonly unit: string } | null;
}

/** Median and 95th percentile (nearest rank) of a sample. */
export function summarise(samples: readonly number[]): { median: number; p95: number } {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  const mid = s.length / 2;
  return { median: s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2, p95: at(0.95) };
}

/** A figure from samples, checked against `target` (`<`, `≤`, `>`, `≥` and a number). */
export function figure(name: string, samples: readonly number[], unit: string, target: string | null, baseline: Figure['baseline'] = null): Figure {
  const { median, p95 } = summarise(samples);
  return { name, value: round(median), p95: round(p95), unit, runs: samples.length, target, pass: target === null ? null : meets(median, target), baseline };
}

function meets(value: number, target: string): boolean {
  const m = /^(<|≤|>|≥)\s*(-?[\d.]+)$/.exec(target.trim());
  if (!m) throw new Error(`bad target ${target}`);
  const t = Number(m[2]);
  return m[1] === '<' ? value < t : m[1] === '≤' ? value <= t : m[1] === '>' ? value > t : value >= t;
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 10000) / 10000);

/** Times `fn` `runs` times (after `warmup` untimed runs); milliseconds. */
export async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The figures as an aligned text table. */
export function table(figures: readonly Figure[]): string {
  const rows = [['figure', 'median', 'p95', 'unit', 'target', 'pass', 'baseline'], ...figures.map((f) => [f.name, String(f.value), String(f.p95), f.unit, f.target ?? '', f.pass === null ? '' : f.pass ? 'yes' : 'NO', f.baseline ? `${f.baseline.name} ${f.baseline.value} ${f.baseline.unit}` : ''])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

/** The figures as a Markdown table for the README: a ratio's target names the baseline it is a ratio to, measured in the same run. */
export function markdownTable(figures: readonly Figure[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = figures.map((f) => {
    const target = f.target === null ? '' : f.baseline ? `${f.target} (ratio to ${f.baseline.name}: ${f.baseline.value} ${f.baseline.unit})` : f.target;
    return `| ${cell(f.name)} | ${f.value} | ${f.p95} | ${f.unit} | ${f.runs} | ${cell(target)} | ${f.pass === null ? '' : f.pass ? 'yes' : '**no**'} |`;
  });
  return ['| figure | median | p95 | unit | runs | target | met |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}
