import { writeFile } from 'node:fs/promises';

/** The 28 COVER quarters 2018/19 Q1 to 2024/25 Q4. */
const QUARTERS = Array.from({ length: 7 }, (_, y) => 2018 + y).flatMap((y) => [1, 2, 3, 4].map((q) => `${y}/${String(y + 1).slice(2)} Q${q}`));

/**
 * Writes a valid tidy CSV of MMR1-at-24-months rows for `practices` made-up practices (A00000,
 * A00001, …) in each of 28 quarters, big enough that importing it takes seconds. Returns the
 * number of data rows.
 */
export async function writeBigTidyFile(file: string, practices: number): Promise<number> {
  const lines = ['indicator,area_code,period,numerator,denominator'];
  for (let p = 0; p < practices; p++) {
    const code = `A${String(p).padStart(5, '0')}`;
    for (const quarter of QUARTERS) lines.push(`24m_MMR1,${code},${quarter},${50 + (p % 40)},${100 + (p % 50)}`);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  return lines.length - 1;
}
