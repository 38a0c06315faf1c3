// The population-weighted least-squares line of phe_sii: ranks from population shares, fit linear in the values.

export interface WeightedLine {
  readonly fit: (values: ArrayLike<number>) => { slope: number; intercept: number };
}

/** The weighted least-squares line through (rank, value), ranks from the populations; fit is linear in the values. */
export function weightedLine(populations: readonly number[]) {
  const total = populations.reduce((s, p) => s + p, 0);
  const shares = populations.map((p) => p / total);
  let cumulative = 0;
  const ranks = shares.map((a) => {
    const mid = cumulative + a / 2;
    cumulative += a;
    return mid;
  });
  const meanRank = shares.reduce((s, a, i) => s + a * ranks[i]!, 0);
  const sxx = shares.reduce((s, a, i) => s + a * (ranks[i]! - meanRank) ** 2, 0);
  const slopeWeights = Float64Array.from(shares, (a, i) => (a * (ranks[i]! - meanRank)) / sxx);
  const meanWeights = Float64Array.from(shares);
  const fit = (values: ArrayLike<number>) => {
    let slope = 0;
    let mean = 0;
    for (let i = 0; i < slopeWeights.length; i++) {
      slope += slopeWeights[i]! * values[i]!;
      mean += meanWeights[i]! * values[i]!;
    }
    return { slope, intercept: mean - slope * meanRank };
  };
  return { fit } satisfies WeightedLine;
}
