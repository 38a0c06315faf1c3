/** A short line drawn as in a chart, for legends. */
export function LineSample({ stroke, dash, width }: { stroke: string; dash?: string | undefined; width: number }) {
  return (
    <svg className="legend__line" width="32" height="12" aria-hidden="true">
      <line x1="1" y1="6" x2="31" y2="6" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}
